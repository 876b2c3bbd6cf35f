using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Pulse.Dashboard.Teams;
using Pulse.Grains.Brands;
using Pulse.Silo.Audit;
using Pulse.Silo.Ingest;

namespace Pulse.Silo.Brands.Import;

/// <summary>
/// Handles <c>POST /api/brands:import</c>: bounded read, parse, judge each brand, store the valid ones as one catalog
/// version (one write and one matcher compile however many there are), answer with what was created, replaced and
/// rejected. 200 when at least one brand was stored; when none was, 400 problem+json with the same <c>rejected</c> list.
/// </summary>
internal sealed class BrandImportHandler(IOptions<BrandsOptions> options, IOptions<JsonOptions> json, IBrandVisibility visibility)
{
    public async Task<IResult> HandleAsync(HttpContext context, IGrainFactory grains, AuditTrail audit)
    {
        var request = context.Request;
        if (!MentionContentTypes.TryGetFormat(request.ContentType, out var format))
        {
            return IngestProblems.UnsupportedMediaType(request.ContentType);
        }

        var limits = options.Value;
        if (request.ContentLength > limits.MaxImportBytes)
        {
            return IngestProblems.BodyTooLarge(limits.MaxImportBytes);
        }

        // As for ingest: the server's own limit counts raw bytes (chunk framing included), so it gets twice ours.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = 2L * limits.MaxImportBytes;
        }

        BrandImportParse parsed;
        try
        {
            using var body = await BoundedBodyReader.ReadAsync(request.BodyReader, request.ContentLength, limits.MaxImportBytes, context.RequestAborted);
            if (body is null)
            {
                return IngestProblems.BodyTooLarge(limits.MaxImportBytes);
            }

            parsed = new BrandImportParser(json.Value.SerializerOptions, limits.MaxImportItems).Parse(body.Span, format);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return IngestProblems.BodyTooLarge(limits.MaxImportBytes);
        }

        switch (parsed.Failure)
        {
            case BrandImportFailure.MalformedBody:
                return BrandImportProblems.Malformed(parsed.FailureDetail!);
            case BrandImportFailure.TooManyItems:
                return BrandImportProblems.TooManyItems(parsed.FailureDetail!, limits.MaxImportItems);
        }

        var (valid, rejected) = BrandImportCheck.Check(parsed, visibility.ScopeOf(context.User));
        if (valid.Count == 0)
        {
            return BrandImportProblems.NoneValid(rejected);
        }

        var result = await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).ImportAsync([.. valid]);
        // One entry for the import (the audit trail also logs it): a hundred thousand would drown every other entry.
        await audit.RecordAsync(context, AuditAction.BrandImport, target: null, $"{result.Created} created, {result.Replaced} replaced, {rejected.Count} rejected");
        return TypedResults.Ok(new BrandImportResponse(result.Created, result.Replaced, rejected));
    }
}
