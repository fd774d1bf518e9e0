#include "Rng.h"

namespace sim {

namespace {

quint64 gcd(quint64 a, quint64 b)
{
    while (b) {
        const quint64 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

// Modular inverse by the extended Euclidean algorithm; a and m are coprime and below 2^62.
quint64 inverseMod(quint64 a, quint64 m)
{
    qint64 t = 0, newT = 1;
    qint64 r = qint64(m), newR = qint64(a % m);
    while (newR != 0) {
        const qint64 q = r / newR;
        qint64 tmp = t - q * newT;
        t = newT;
        newT = tmp;
        tmp = r - q * newR;
        r = newR;
        newR = tmp;
    }
    return quint64(t < 0 ? t + qint64(m) : t);
}

} // namespace

AffinePerm::AffinePerm(quint64 modulus, quint64 h)
    : m_mod(modulus)
{
    // A multiplier far from 1 scatters consecutive indexes across the whole space.
    m_a = (modulus / 3 + h % (modulus / 2)) | 1;
    while (gcd(m_a, m_mod) != 1)
        m_a += 2;
    m_a %= m_mod;
    m_b = mix64(h) % m_mod;
    m_inv = inverseMod(m_a, m_mod);
}

quint64 AffinePerm::mulAdd(quint64 a, quint64 x, quint64 b) const
{
    const unsigned __int128 p = (unsigned __int128)a * x + b;
    return quint64(p % m_mod);
}

} // namespace sim
