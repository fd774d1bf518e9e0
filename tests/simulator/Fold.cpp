#include "Fold.h"

#include <QChar>
#include <QList>

namespace sim {

namespace {

// Reads the code point at i and advances i past it (a lone surrogate stands for itself).
char32_t nextCodePoint(QStringView s, qsizetype &i)
{
    const QChar c = s[i++];
    if (c.isHighSurrogate() && i < s.size() && s[i].isLowSurrogate())
        return QChar::surrogateToUcs4(c, s[i++]);
    return c.unicode();
}

void appendUcs4(QString &out, char32_t cp)
{
    if (QChar::requiresSurrogates(cp)) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        out += QChar(char16_t(cp));
    }
}

} // namespace

void Folder::appendCodePoint(QString &out, char32_t cp)
{
    if (QChar::decompositionTag(cp) != QChar::Canonical) {
        if (!QChar::isMark(cp))
            appendUcs4(out, QChar::toLower(cp));
        return;
    }
    auto it = m_decomposed.constFind(cp);
    if (it == m_decomposed.constEnd()) {
        const QString nfd = QString::fromUcs4(&cp, 1).normalized(QString::NormalizationForm_D);
        QString folded;
        for (qsizetype i = 0; i < nfd.size();) {
            const char32_t part = nextCodePoint(nfd, i);
            if (!QChar::isMark(part))
                appendUcs4(folded, QChar::toLower(part));
        }
        it = m_decomposed.insert(cp, folded);
    }
    out += *it;
}

void Folder::append(QString &out, QStringView s)
{
    for (qsizetype i = 0; i < s.size();) {
        const char32_t cp = nextCodePoint(s, i);
        if (cp < 0x80) // ASCII: the common case, no table lookup
            out += QChar(char16_t(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        else
            appendCodePoint(out, cp);
    }
}

LikePattern::LikePattern(Folder &folder, const QString &q)
{
    m_tokens.append({Token::Any, 0});
    for (qsizetype i = 0; i < q.size();) {
        char32_t cp = nextCodePoint(q, i);
        if (cp == '%' || cp == '_') {
            m_tokens.append({cp == '%' ? Token::Any : Token::One, 0});
            continue;
        }
        if (cp == '\\' && i < q.size()) // MySQL's default LIKE escape
            cp = nextCodePoint(q, i);
        QString folded;
        QChar buf[2];
        const qsizetype n = QChar::requiresSurrogates(cp) ? 2 : 1;
        if (n == 2) {
            buf[0] = QChar(QChar::highSurrogate(cp));
            buf[1] = QChar(QChar::lowSurrogate(cp));
        } else {
            buf[0] = QChar(char16_t(cp));
        }
        folder.append(folded, QStringView(buf, n));
        for (qsizetype k = 0; k < folded.size();)
            m_tokens.append({Token::Literal, nextCodePoint(folded, k)});
    }
    m_tokens.append({Token::Any, 0});
}

bool LikePattern::matches(QStringView text) const
{
    // Greedy wildcard matching with one backtrack point, over code points.
    qsizetype t = 0, p = 0, starP = -1, starT = 0;
    const qsizetype np = m_tokens.size();
    while (t < text.size()) {
        if (p < np && m_tokens[p].kind != Token::Any) {
            qsizetype next = t;
            const char32_t cp = nextCodePoint(text, next);
            if (m_tokens[p].kind == Token::One || m_tokens[p].ch == cp) {
                t = next;
                ++p;
                continue;
            }
        } else if (p < np) { // `%`
            starP = p++;
            starT = t;
            continue;
        }
        if (starP < 0)
            return false;
        p = starP + 1;
        nextCodePoint(text, starT);
        t = starT;
    }
    while (p < np && m_tokens[p].kind == Token::Any)
        ++p;
    return p == np;
}

} // namespace sim
