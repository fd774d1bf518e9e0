#pragma once

#include <QHash>
#include <QString>

// Tokens kept for this run only, when the OS keychain is unavailable and the user chose
// to go on without it. Nothing here ever reaches a file, a setting or a log: the tokens
// are forgotten when the console quits.
class MemoryTokens
{
public:
    bool contains(const QString &profile) const { return m_tokens.contains(profile); }
    QString value(const QString &profile) const { return m_tokens.value(profile); }
    void set(const QString &profile, const QString &token) { m_tokens.insert(profile, token); }
    bool remove(const QString &profile) { return m_tokens.remove(profile) > 0; }
    // Moves the token to a new profile name; false when there is none under `from`.
    bool rename(const QString &from, const QString &to);
    void clear() { m_tokens.clear(); }
    int size() const { return int(m_tokens.size()); }

private:
    QHash<QString, QString> m_tokens;
};
