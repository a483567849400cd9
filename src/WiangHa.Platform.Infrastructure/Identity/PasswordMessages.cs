using Microsoft.AspNetCore.Identity;

namespace WiangHa.Platform.Infrastructure.Identity;

/// <summary>Identity's password errors in Thai.</summary>
public static class PasswordMessages
{
    public static string Thai(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "รหัสผ่านต้องมีตัวเลขอย่างน้อย 1 ตัว",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "รหัสผ่านต้องมีตัวอักษรภาษาอังกฤษพิมพ์เล็กอย่างน้อย 1 ตัว",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "รหัสผ่านต้องมีตัวอักษรภาษาอังกฤษพิมพ์ใหญ่อย่างน้อย 1 ตัว",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "รหัสผ่านต้องมีสัญลักษณ์อย่างน้อย 1 ตัว เช่น - ! @",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "อีเมลนี้มีบัญชีอยู่แล้ว",
        nameof(IdentityErrorDescriber.InvalidToken) => "ลิงก์ไม่ถูกต้องหรือหมดอายุแล้ว กรุณาขอลิงก์ใหม่",
        _ => error.Description,
    };
}
