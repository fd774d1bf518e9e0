#include "auth/MemoryTokens.h"

bool MemoryTokens::rename(const QString &from, const QString &to)
{
    if (!m_tokens.contains(from))
        return false;
    if (from != to)
        m_tokens.insert(to, m_tokens.take(from));
    return true;
}
