namespace Pulse.Analytics.Matching;

/// <summary>Receives term hits during a scan; implemented by a ref struct over stack buffers, so a scan allocates nothing.</summary>
internal interface ITermHitSink
{
    bool IsHit(int termId);

    void Hit(int termId);
}
