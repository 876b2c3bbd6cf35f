using System.Globalization;
using Pulse.Dashboard.Teams;
using Pulse.Grains.Brands;

namespace Pulse.Silo.Brands.Import;

/// <summary>
/// Judges each brand of an import as <c>PUT /api/brands/{id}</c> would (<see cref="BrandValidator"/>, the caller's team),
/// and refuses every copy of an id sent more than once: which of them was meant is not for the server to guess.
/// </summary>
internal static class BrandImportCheck
{
    public static (List<BrandDefinition> Valid, List<BrandImportRejection> Rejected) Check(BrandImportParse parsed, BrandScope scope)
    {
        var linesById = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in parsed.Items)
        {
            if (item.Brand.Id is { } id)
            {
                (linesById.TryGetValue(id, out var lines) ? lines : linesById[id] = []).Add(item.Line);
            }
        }

        var valid = new List<BrandDefinition>(parsed.Items.Count);
        var rejected = new List<BrandImportRejection>(parsed.Rejected);
        foreach (var item in parsed.Items)
        {
            if (item.Brand.Id is not { } id)
            {
                rejected.Add(new BrandImportRejection(item.Line, null, ["'id' is required: each brand of an import names its id."]));
                continue;
            }

            var errors = new List<string>();
            if (linesById[id] is { Count: > 1 } lines)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"id '{id}' occurs {lines.Count} times in this import (lines {string.Join(", ", lines)}); send each brand once."));
            }

            if (!scope.Includes(id))
            {
                errors.Add($"Brand '{id}' is outside your team: you are limited to brands {scope}. An admin of every brand imports other brands.");
            }

            var brand = item.Brand.ToDefinition(id);
            errors.AddRange(BrandValidator.Validate(brand));
            if (errors.Count > 0)
            {
                rejected.Add(new BrandImportRejection(item.Line, id, errors));
            }
            else
            {
                valid.Add(brand);
            }
        }

        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (valid, rejected);
    }
}
