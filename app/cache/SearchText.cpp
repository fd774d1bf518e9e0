#include "cache/SearchText.h"

#include <QList>

namespace {

constexpr char32_t MaxCodePoint = 0x10FFFF;

bool isPhoneFormatting(char32_t c)
{
    switch (c) {
    case ' ':
    case '+':
    case '-':
    case '(':
    case ')':
    case '.':
    case '/':
    case '~':
        return true;
    default:
        return false;
    }
}

// "+62 812-****-7890" and "0812 3456" fold to their digits (and '*'), so a query typed with
// or without the formatting finds the same contacts.
QString stripPhoneFormatting(const QString &folded)
{
    bool hasDigit = false;
    for (QChar c : folded) {
        const char16_t u = c.unicode();
        if (u >= '0' && u <= '9')
            hasDigit = true;
        else if (u != '*' && !isPhoneFormatting(u))
            return folded;
    }
    if (!hasDigit)
        return folded;
    QString out;
    out.reserve(folded.size());
    for (QChar c : folded) {
        if ((c.unicode() >= '0' && c.unicode() <= '9') || c.unicode() == '*')
            out.append(c);
    }
    return out;
}

} // namespace

namespace SearchText {

QString maxChar()
{
    static const QString max = QString::fromUcs4(U"\U0010FFFF", 1);
    return max;
}

QString clean(const QString &text)
{
    // Nearly all text has nothing to clean: it is handed back without a copy (a sync cleans
    // millions of values on its store thread).
    const QChar *units = text.constData();
    qsizetype firstBad = 0;
    while (firstBad < text.size() && !units[firstBad].isNull() && !units[firstBad].isSurrogate())
        ++firstBad;
    if (firstBad == text.size() && !text.isEmpty())
        return text;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            out.append(c);
            out.append(text.at(++i));
        } else if (c.isSurrogate()) {
            out.append(QChar::ReplacementCharacter);
        } else if (c.unicode() != 0) {
            out.append(c);
        }
    }
    return out;
}

QString fold(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QString decomposed = clean(text).normalized(QString::NormalizationForm_KD);
    QString kept;
    kept.reserve(decomposed.size());
    bool pendingSpace = false;
    const auto codes = decomposed.toUcs4();
    for (const uint c : codes) {
        if (QChar::isSpace(c)) {
            pendingSpace = !kept.isEmpty();
            continue;
        }
        switch (QChar::category(c)) {
        case QChar::Mark_NonSpacing:
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
            continue;
        default:
            break;
        }
        if (QChar::isNonCharacter(c) || c == MaxCodePoint)
            continue;
        if (pendingSpace) {
            kept.append(QLatin1Char(' '));
            pendingSpace = false;
        }
        char32_t out = c;
        if (QChar::category(c) == QChar::Number_DecimalDigit) {
            const int v = QChar::digitValue(c);
            if (v >= 0 && v <= 9)
                out = char32_t('0' + v);
        }
        if (QChar::requiresSurrogates(out)) {
            kept.append(QChar(QChar::highSurrogate(out)));
            kept.append(QChar(QChar::lowSurrogate(out)));
        } else {
            kept.append(QChar(char16_t(out)));
        }
    }
    QString folded = kept.toCaseFolded().normalized(QString::NormalizationForm_C);
    return stripPhoneFormatting(folded);
}

int codePoints(const QString &text)
{
    int n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

QString ftsPhrase(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace SearchText

SearchQuery SearchQuery::fromUserText(const QString &userText)
{
    QString raw = userText.trimmed();
    // A pasted phone JID searches for its number.
    for (const QLatin1String suffix : {QLatin1String("@s.whatsapp.net"), QLatin1String("@c.us")}) {
        if (raw.size() > suffix.size() && raw.endsWith(suffix, Qt::CaseInsensitive)) {
            raw.chop(suffix.size());
            break;
        }
    }
    SearchQuery q;
    q.text = SearchText::fold(raw);
    if (q.text.isEmpty())
        return q;
    q.upperBound = q.text + SearchText::maxChar();
    q.phrase = SearchText::ftsPhrase(q.text);
    q.length = SearchText::codePoints(q.text);
    return q;
}
