using Pulse.Analytics.Sentiment;

namespace Pulse.SentimentEval;

/// <summary>
/// Accumulates predictions against gold: a 3×3 confusion matrix for labelled lines, and sums for Pearson's r
/// for numerically rated lines.
/// </summary>
internal sealed class SentimentEvaluation
{
    private static readonly SentimentLabel[] Classes = [SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative];

    private readonly int[,] _confusion = new int[3, 3];
    private long _rated;
    private double _sumX;
    private double _sumY;
    private double _sumXx;
    private double _sumYy;
    private double _sumXy;

    public int Labelled { get; private set; }

    public long Rated => _rated;

    public void Add(SentimentInputLine line, SentimentResult result)
    {
        if (line.GoldLabel is { } gold)
        {
            _confusion[(int)gold, (int)result.Label]++;
            Labelled++;
        }
        else if (line.GoldScore is { } rating)
        {
            double x = result.Score;
            _rated++;
            _sumX += x;
            _sumY += rating;
            _sumXx += x * x;
            _sumYy += rating * rating;
            _sumXy += x * rating;
        }
    }

    public double Accuracy
    {
        get
        {
            var correct = 0;
            foreach (var c in Classes)
            {
                correct += _confusion[(int)c, (int)c];
            }

            return Labelled == 0 ? 0 : (double)correct / Labelled;
        }
    }

    /// <summary>The unweighted mean of the three per-class F1 scores (SemEval's usual measure is recall; we report F1).</summary>
    public double MacroF1
    {
        get
        {
            var sum = 0.0;
            foreach (var c in Classes)
            {
                sum += F1(c);
            }

            return sum / Classes.Length;
        }
    }

    public double F1(SentimentLabel label)
    {
        var i = (int)label;
        var truePositives = _confusion[i, i];
        var predicted = 0;
        var actual = 0;
        for (var k = 0; k < 3; k++)
        {
            predicted += _confusion[k, i];
            actual += _confusion[i, k];
        }

        return predicted + actual == 0 ? 0 : 2.0 * truePositives / (predicted + actual);
    }

    /// <summary>Pearson's r between scores and numeric gold; 0 when undefined (fewer than two ratings or no spread).</summary>
    public double PearsonR
    {
        get
        {
            if (_rated < 2)
            {
                return 0;
            }

            var n = (double)_rated;
            var covariance = _sumXy - (_sumX * _sumY / n);
            var varianceX = _sumXx - (_sumX * _sumX / n);
            var varianceY = _sumYy - (_sumY * _sumY / n);
            return varianceX <= 0 || varianceY <= 0 ? 0 : covariance / Math.Sqrt(varianceX * varianceY);
        }
    }
}
