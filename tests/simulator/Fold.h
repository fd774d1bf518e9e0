#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

// The gateway's name search is MySQL's `name LIKE '%q%'` under an accent- and case-insensitive
// collation. The simulator folds both sides the same way: canonical decomposition (NFD),
// combining marks dropped, lower case; then matches LIKE's `%`, `_` and `\` escapes.
namespace sim {

class Folder
{
public:
    // Appends the folded form of s to out. Reuses out's capacity: no allocation per call once
    // the characters met so far are cached.
    void append(QString &out, QStringView s);

private:
    void appendCodePoint(QString &out, char32_t cp);

    QHash<char32_t, QString> m_decomposed; // precomposed characters, already folded
};

class LikePattern
{
public:
    // q as the client sent it; the pattern is "%" + q + "%" folded.
    LikePattern(Folder &folder, const QString &q);
    bool matches(QStringView folded) const;

private:
    struct Token {
        enum Kind : quint8 {
            Literal,
            One, // `_`: exactly one character
            Any  // `%`: any run, even empty
        };
        Kind kind;
        char32_t ch;
    };
    QList<Token> m_tokens;
};

} // namespace sim
