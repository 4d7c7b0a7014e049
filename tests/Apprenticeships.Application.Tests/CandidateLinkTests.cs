using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Apprenticeships.Application.Candidates;
using Apprenticeships.Application.Settings;
using Microsoft.Extensions.Options;

namespace Apprenticeships.Application.Tests;

/// <summary>
/// A signed link whose fields are out of range (as a leaked key or a future format could make)
/// is an invalid link, answered with the friendly message, never an exception.
/// </summary>
public sealed class CandidateLinkTests
{
    private const string Key = "a-test-signing-key-that-is-long-enough-for-links";
    private readonly CandidateLinks _links = new(Options.Create(new LinkOptions { SigningKey = Key }),
        Options.Create(new HubOptions { PublicUrl = "https://hub.example.gov.uk" }), new FixedClock(Unreachable.Now));

    [Fact]
    public void A_link_the_hub_made_reads_back()
    {
        var url = _links.Create("c-1", LinkPurpose.ConfirmAttendance, TimeSpan.FromDays(7), "academy-1/2026-12-01");
        var link = _links.Read(url[(url.LastIndexOf('/') + 1)..], out var problem);
        Assert.Null(problem);
        Assert.Equal(("academy-1", new DateOnly(2026, 12, 1)), link!.Session);
    }

    [Theory]
    [InlineData("c-1|ConfirmInterest|9223372036854775807")]
    [InlineData("c-1|ConfirmInterest|-9223372036854775808")]
    [InlineData("c-1|ConfirmInterest|253402300800")]
    [InlineData("c-1|7|1900000000")]
    [InlineData("c-1|ConfirmAttendance|1900000000")]
    [InlineData("c-1|ConfirmAttendance|1900000000|academy-1/9999-99-99")]
    [InlineData("c-1|ConfirmAttendance|1900000000|no-slash")]
    public void A_signed_link_with_fields_out_of_range_is_not_valid(string payload)
    {
        Assert.Null(_links.Read(Signed(payload), out var problem));
        Assert.Contains("not valid", problem);
    }

    private static string Signed(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return $"{Base64Url.EncodeToString(bytes)}.{Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), bytes))}";
    }
}
