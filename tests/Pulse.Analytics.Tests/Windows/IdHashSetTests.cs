using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Tests.Windows;

/// <summary>The de-duplication sets' own hash set, against <see cref="HashSet{T}"/> as the reference.</summary>
public sealed class IdHashSetTests
{
    [Fact]
    public void Behaves_like_a_HashSet_through_adds_removes_and_trims()
    {
        var random = new Random(3);
        var set = new IdHashSet();
        var reference = new HashSet<ulong>();
        // Few distinct values with colliding low bits, so probe runs are long and removals shift entries around.
        // Even values only: 0 is stored as 1 (see IdHashSet), which this test must not also use.
        ulong Value() => ((ulong)(uint)random.Next(64) << 40) | (uint)(random.Next(4) * 2);
        for (var step = 0; step < 50_000; step++)
        {
            var value = Value();
            switch (random.Next(10))
            {
                case < 5:
                    Assert.Equal(reference.Add(value), set.Add(value));
                    break;
                case < 9:
                    Assert.Equal(reference.Remove(value), set.Remove(value));
                    break;
                default:
                    set.TrimExcess();
                    break;
            }

            Assert.Equal(reference.Count, set.Count);
        }

        Assert.Equal(reference.Select(v => v == 0 ? 1UL : v).Order(), set.ToArray().Order()); // 0 is exported as stored
    }

    [Fact]
    public void The_hash_zero_is_a_member_like_any_other()
    {
        var set = new IdHashSet();

        Assert.True(set.Add(0));
        Assert.False(set.Add(0));
        Assert.True(set.Remove(0));
        Assert.False(set.Remove(0));
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void A_few_ids_take_a_few_slots_and_an_emptied_set_none()
    {
        var set = new IdHashSet();
        Assert.Equal(0, set.Capacity);
        set.UnionWith([11, 22, 33]);

        Assert.Equal(3, set.Capacity);

        set.Remove(11);
        set.Remove(22);
        set.Remove(33);
        set.TrimExcess();

        Assert.Equal(0, set.Capacity);
    }
}
