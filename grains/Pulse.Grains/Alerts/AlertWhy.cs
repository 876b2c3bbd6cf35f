using Pulse.Grains.Mentions;

namespace Pulse.Grains.Alerts;

/// <summary>Why an alert fired: what is being said, the loudest posts, the mood, and where.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertWhy(
    [property: Id(0)] TermLift[] Terms,
    [property: Id(1)] MentionView[] TopMentions,
    [property: Id(2)] SentimentSplit Sentiment,
    [property: Id(3)] ChannelCount[] Channels);

[GenerateSerializer, Immutable]
public sealed record TermLift([property: Id(0)] string Term, [property: Id(1)] double Count, [property: Id(2)] double Lift);

[GenerateSerializer, Immutable]
public sealed record SentimentSplit([property: Id(0)] long Positive, [property: Id(1)] long Neutral, [property: Id(2)] long Negative);

[GenerateSerializer, Immutable]
public sealed record ChannelCount([property: Id(0)] string Channel, [property: Id(1)] long Count);
