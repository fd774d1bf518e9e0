#pragma once

#include <QString>

// The one definition of how text is compared in the cache: stored names, business names and
// tags are folded with fold() on write, and a user's query with SearchQuery on read, so a
// substring match in SQL (instr) and in the trigram index agree exactly.
namespace SearchText {

// Sorts after every folded string (fold() strips noncharacters): the sort key of a nameless
// contact, and the upper bound of a prefix range ("starts with q" = [q, q + Max)).
QString maxChar();

// Text as it is stored: NUL removed (SQLite and Qt disagree on it) and lone UTF-16 surrogates
// replaced by U+FFFD. Everything else is kept as the gateway sent it.
QString clean(const QString &text);

// Case-, width- and accent-insensitive form: NFKD, drop nonspacing marks, controls, format
// characters and noncharacters, every decimal digit to ASCII, case-fold, NFC, whitespace runs
// to one space, trimmed. A phone-like string ("+62 812-****-7890") keeps only digits and '*'.
QString fold(const QString &text);

// Number of Unicode code points (what the trigram tokenizer counts).
int codePoints(const QString &text);

// A double-quoted FTS5 string: the whole text is one literal phrase, never syntax.
QString ftsPhrase(const QString &text);

} // namespace SearchText

// A user's search text, folded once and ready for every plan that uses it.
struct SearchQuery {
    QString text;       // folded; empty means "no text filter"
    QString upperBound; // text + SearchText::maxChar(): prefix range end
    QString phrase;     // text as an FTS5 phrase (only meaningful when length >= 3)
    int length = 0;     // code points

    static SearchQuery fromUserText(const QString &userText);
    bool isEmpty() const { return text.isEmpty(); }
    // The trigram index answers substrings of three or more code points only.
    bool usesTrigrams() const { return length >= 3; }
};
