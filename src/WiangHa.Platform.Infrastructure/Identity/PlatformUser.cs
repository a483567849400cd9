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

    /// <summary>"th" or "en": the language of the alerts this user receives (the UI follows the culture cookie).</summary>
    public string PreferredLanguage { get; set; } = "th";

    /// <summary>Set by the one-click link in every alert email: no more alert emails (in-app notifications stay).</summary>
    public bool AlertEmailsOff { get; set; }
}
