-- The search benchmark's query mix: rare words, common words, near-stopwords, several words, typos, operators and
-- filters, through the API (facets and highlights included) and the search page. Requests go round the list in order.
local queries = {
  "q=mikroplaster", "q=batteribyte", "q=datakatalog", "q=tallrikssvinn",
  "q=kommun", "q=projekt", "q=och", "q=hemtj%C3%A4nsten", "q=upphandling", "q=erfarenheter",
  "q=AI%20hemtj%C3%A4nst", "q=digitala%20l%C3%A5s%20i%20hemtj%C3%A4nsten", "q=upphandlingar%20som%20misslyckats",
  "q=v%C3%A4lf%C3%A4rdstenik", "q=enerigeffektivisering", "q=teknik",
  "q=%22v%C3%A5rd%20p%C3%A5%20distans%22", "q=energi*", "q=chattbot%20-kunskapsbas",
  "q=kommun&outcome=misslyckades&outcome=avbruten", "q=projekt&organisationType=region&yearFrom=2018",
  "outcome=misslyckades", "q=sensorer&sort=newest&page=3",
}
local paths = {}
for _, q in ipairs(queries) do table.insert(paths, "/api/v1/reports?" .. q) end
table.insert(paths, "/sok?q=upphandling")
table.insert(paths, "/sok?q=kommun&outcome=misslyckades")
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i - 1) % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, %.0f req/s\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
