using Lessons.Domain.Organisations;
using Lessons.Domain.Taxonomy;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lessons.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        // No collation in the schema: a backup must open in any SQLite tool. Queries that sort names ask for "sv".
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Type).HasConversion(KeyConverters.OrganisationType).HasMaxLength(32);
        b.Property(o => o.Code).HasMaxLength(32);
        b.Property(o => o.EmailDomains).HasField("emailDomains").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<string>(), JsonColumn.Comparer<string>());
        b.HasIndex(o => o.Name);
    }
}

internal sealed class OrganisationAliasConfiguration : IEntityTypeConfiguration<OrganisationAlias>
{
    public void Configure(EntityTypeBuilder<OrganisationAlias> b)
    {
        b.ToTable("organisation_aliases");
        b.HasKey(a => a.NormalisedName);
        b.Property(a => a.NormalisedName).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
