using Microsoft.AspNetCore.Identity;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>A person who signs in. Which LAOs they may enter is given by their memberships, not by Identity roles.</summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public PlatformUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";
}
