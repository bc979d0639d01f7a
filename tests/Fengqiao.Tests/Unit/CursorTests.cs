using Fengqiao.BuildingBlocks.Errors;
using Fengqiao.BuildingBlocks.Http;
using FluentValidation;

namespace Fengqiao.Tests.Unit;

public sealed class CursorTests
{
    private sealed record Key(string Name, int Number);

    [Test]
    public void Cursor_RoundTrips()
    {
        var key = new Key("府山街道", 7);
        Assert.That(Cursor.Decode<Key>(Cursor.Encode(key)), Is.EqualTo(key));
    }

    [Test]
    public void GarbageCursor_IsAValidationError()
    {
        Assert.Throws<ValidationException>(() => Cursor.Decode<Key>("not base64 !"));
    }

    [Test]
    public void CursorOfAnotherShape_IsAValidationError()
    {
        Assert.Throws<ValidationException>(() => Cursor.Decode<Key>(Cursor.Encode(42)));
    }

    [Test]
    public void ToPage_WithMoreRowsThanTheLimit_GivesACursorToTheLastItem()
    {
        var page = Cursor.ToPage(new[] { 1, 2, 3 }, 2, n => new Key("n", n));
        Assert.That(page.Items, Is.EqualTo(new[] { 1, 2 }));
        Assert.That(Cursor.Decode<Key>(page.NextCursor), Is.EqualTo(new Key("n", 2)));
    }

    [Test]
    public void ToPage_OnTheLastPage_HasNoCursor()
    {
        Assert.That(Cursor.ToPage(new[] { 1, 2 }, 2, n => n).NextCursor, Is.Null);
    }

    [TestCase("UserName", "userName")]
    [TestCase("Roles[0]", "roles[0]")]
    [TestCase("Petitioners[1].IdNumber", "petitioners[1].idNumber")]
    public void ValidationFieldNames_BecomeCamelCase(string property, string expected)
    {
        Assert.That(ProblemExceptionHandler.CamelCasePath(property), Is.EqualTo(expected));
    }
}
