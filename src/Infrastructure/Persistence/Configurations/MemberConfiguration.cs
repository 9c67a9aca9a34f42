using Lessons.Domain;
using Lessons.Domain.Members;
using Lessons.Domain.Organisations;

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lessons.Infrastructure.Persistence.Configurations;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Email).HasMaxLength(256);
        b.Property(m => m.DisplayName).HasMaxLength(100);
        // Rows from before the choice existed read as Swedish, which is what their mails were in.
        b.Property(m => m.PreferredLanguage).HasMaxLength(LanguageCodes.MaxLength).HasDefaultValue(LanguageCodes.Swedish);
        b.Property(m => m.Role).HasConversion(KeyConverters.Lowercase<MemberRole>()).HasMaxLength(16);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.RequestedOrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
