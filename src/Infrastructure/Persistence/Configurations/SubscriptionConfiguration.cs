using System.Text.Json;

using Lessons.Domain;
using Lessons.Domain.Members;
using Lessons.Domain.Subscriptions;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lessons.Infrastructure.Persistence.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("subscribers");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.PreferredLanguage).HasMaxLength(LanguageCodes.MaxLength).HasDefaultValue(LanguageCodes.Swedish);
        b.HasIndex(s => s.Email).IsUnique();
        b.Property(s => s.Status).HasConversion(KeyConverters.Lowercase<SubscriberStatus>()).HasMaxLength(16);
        b.HasIndex(s => s.Status);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => s.MemberId);
        b.HasMany(s => s.Follows).WithOne().HasForeignKey(f => f.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(s => s.Follows).HasField("follows").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> b)
    {
        b.ToTable("follows");
        b.HasKey(f => f.Id);
        // Ids are made by the domain: a follow found through Subscriber.Follows is new, not an existing row.
        b.Property(f => f.Id).ValueGeneratedNever();
        b.Property(f => f.Kind).HasConversion(SubscriptionColumns.FollowKind).HasMaxLength(32);
        b.Property(f => f.Key).HasMaxLength(Follow.MaxKeyLength);
        b.Property(f => f.Search).HasConversion(SubscriptionColumns.SavedSearch, SubscriptionColumns.SavedSearchComparer);
        b.HasIndex(f => new { f.SubscriberId, f.Kind, f.Key }).IsUnique();
        // The run evaluates each distinct (kind, key) once; this finds everybody who follows it.
        b.HasIndex(f => new { f.Kind, f.Key });
    }
}

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> b)
    {
        b.ToTable("digest_runs");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.IsoWeek).HasMaxLength(8);
        b.Property(r => r.ScheduleKey).HasMaxLength(32);
        b.HasIndex(r => r.ScheduleKey).IsUnique();
        b.Property(r => r.LeaseOwner).HasMaxLength(200);
        b.HasIndex(r => r.CompletedAt);
    }
}

internal sealed class DigestDeliveryConfiguration : IEntityTypeConfiguration<DigestDelivery>
{
    public void Configure(EntityTypeBuilder<DigestDelivery> b)
    {
        b.ToTable("digest_deliveries");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.IsoWeek).HasMaxLength(8);
        // At most one digest per subscriber and ISO week, whatever the number of runs, nodes or restarts.
        b.HasIndex(d => new { d.SubscriberId, d.IsoWeek }).IsUnique();
        b.HasIndex(d => new { d.RunId, d.Status });
        b.Property(d => d.Status).HasConversion(KeyConverters.Lowercase<DeliveryStatus>()).HasMaxLength(16);
        b.Property(d => d.Subject).HasMaxLength(300);
        b.Property(d => d.LastError).HasMaxLength(1000);
        b.Property(d => d.ReportIds).HasConversion(SubscriptionColumns.ReportIds, SubscriptionColumns.ReportIdsComparer);
        b.HasOne<DigestRun>().WithMany().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Public, because EF's compiled model copies these expressions into generated code.</summary>
public static class SubscriptionColumns
{
    public static readonly ValueConverter<FollowKind, string> FollowKind = new(
        v => v == Domain.Subscriptions.FollowKind.OrganisationType ? "organisation-type" : v.ToString().ToLowerInvariant(),
        s => s == "organisation-type" ? Domain.Subscriptions.FollowKind.OrganisationType : Enum.Parse<Domain.Subscriptions.FollowKind>(s, true));

    public static readonly ValueConverter<SavedSearch?, string?> SavedSearch = new(
        v => v == null ? null : JsonSerializer.Serialize(v, JsonColumn.Options),
        v => v == null ? null : JsonSerializer.Deserialize<SavedSearch>(v, JsonColumn.Options));

    /// <summary>
    /// A delivery's report ids as 16 bytes each, big-endian so each is the hex of its usual text form: 5.6 KB for a
    /// digest of 350 reports, where a JSON list with the reasons was 36 KB and most of what composing wrote.
    /// </summary>
    public static readonly ValueConverter<IReadOnlyList<Guid>, byte[]> ReportIds = new(
        v => GuidBytes.ToBytes(v), v => GuidBytes.FromBytes(v));

    public static readonly ValueComparer<IReadOnlyList<Guid>> ReportIdsComparer = new(
        (a, b) => (a == null && b == null) || (a != null && b != null && a.SequenceEqual(b)),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
        v => v.ToList());

    public static readonly ValueComparer<SavedSearch?> SavedSearchComparer = new(
        (a, b) => (a == null ? null : a.ToQueryString()) == (b == null ? null : b.ToQueryString()),
        v => v == null ? 0 : v.ToQueryString().GetHashCode(StringComparison.Ordinal),
        v => v);
}

/// <summary>Public, because EF's compiled model calls it from generated code.</summary>
public static class GuidBytes
{
    public static byte[] ToBytes(IReadOnlyList<Guid> ids)
    {
        var bytes = new byte[ids.Count * 16];
        for (var i = 0; i < ids.Count; i++) ids[i].TryWriteBytes(bytes.AsSpan(i * 16, 16), bigEndian: true, out _);
        return bytes;
    }

    public static IReadOnlyList<Guid> FromBytes(byte[] bytes)
    {
        var ids = new Guid[bytes.Length / 16];
        for (var i = 0; i < ids.Length; i++) ids[i] = new Guid(bytes.AsSpan(i * 16, 16), bigEndian: true);
        return ids;
    }
}
