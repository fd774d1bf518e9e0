#pragma once

#include <QtGlobal>

// Deterministic randomness for the simulator. Every generated attribute is a pure function of
// (seed, salt, index), so the data set is reproducible and text can be rebuilt lazily instead
// of being stored for a million rows.
namespace sim {

// SplitMix64's finaliser: a bijection on 64-bit values and a good hash of consecutive inputs.
constexpr quint64 mix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

constexpr quint64 hashOf(quint64 seed, quint64 salt, quint64 index)
{
    return mix64(mix64(seed * 0x100000001b3ULL + salt) ^ index);
}

inline double unitOf(quint64 h)
{
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}
inline bool chance(quint64 h, double p)
{
    return unitOf(h) < p;
}
inline quint64 below(quint64 h, quint64 n)
{
    return n ? h % n : 0;
}

// A sequential stream for choices that depend on order (fault injection, mutations).
class Prng
{
public:
    explicit Prng(quint64 seed = 0)
        : m_state(seed)
    {
    }
    quint64 next() { return mix64(m_state += 0x9e3779b97f4a7c15ULL); }
    double unit() { return unitOf(next()); }
    quint64 below(quint64 n) { return sim::below(next(), n); }

private:
    quint64 m_state;
};

// x -> (a*x + b) mod m with gcd(a, m) == 1: a bijection on [0, m) that can be inverted without
// a table, so an id (LID, phone number, group JID) leads straight back to its row index.
class AffinePerm
{
public:
    AffinePerm() = default;
    AffinePerm(quint64 modulus, quint64 h);

    quint64 modulus() const { return m_mod; }
    quint64 forward(quint64 x) const { return mulAdd(m_a, x, m_b); }
    quint64 inverse(quint64 y) const { return mulAdd(m_inv, (y + m_mod - m_b) % m_mod, 0); }

private:
    quint64 mulAdd(quint64 a, quint64 x, quint64 b) const;

    quint64 m_mod = 1;
    quint64 m_a = 1;
    quint64 m_b = 0;
    quint64 m_inv = 1;
};

} // namespace sim
