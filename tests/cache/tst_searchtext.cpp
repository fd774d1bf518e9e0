#include "cache/SearchText.h"

#include <QTest>

class TestSearchText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foldsCaseWidthAndAccents_data();
    void foldsCaseWidthAndAccents();
    void phoneFormattingIsDropped_data();
    void phoneFormattingIsDropped();
    void cleanKeepsTextButNulAndLoneSurrogates();
    void queryNormalises();
    void phraseQuotesEverything();
    void countsCodePoints();
    void hostileTextFoldsSafely();
};

void TestSearchText::foldsCaseWidthAndAccents_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("case") << QStringLiteral("Budi SANTOSO") << QStringLiteral("budi santoso");
    QTest::newRow("accents") << QStringLiteral("José Zoë Łukasz")
                             << QStringLiteral("jose zoe łukasz");
    QTest::newRow("fullwidth") << QStringLiteral("ＡＢＣ１２") << QStringLiteral("abc12");
    QTest::newRow("spaces") << QStringLiteral("  a \t\n b  ") << QStringLiteral("a b");
    QTest::newRow("arabic hamza") << QStringLiteral("أحمد") << QStringLiteral("احمد");
    QTest::newRow("arabic harakat") << QStringLiteral("مُحَمَّد") << QStringLiteral("محمد");
    QTest::newRow("arabic-indic digits") << QStringLiteral("٠٨١٢") << QStringLiteral("0812");
    QTest::newRow("cjk unchanged") << QStringLiteral("王志明") << QStringLiteral("王志明");
    QTest::newRow("hangul recomposed") << QStringLiteral("김민준") << QStringLiteral("김민준");
    QTest::newRow("emoji selector dropped")
        << QStringLiteral("Ayu ❤️") << QStringLiteral("ayu ❤");
    QTest::newRow("zero width joiner dropped")
        << QStringLiteral("a\u200Db") << QStringLiteral("ab");
    // Qt folds one character to one: ß stays ß (on both sides of a comparison).
    QTest::newRow("simple folding") << QStringLiteral("STRAßE") << QStringLiteral("straße");
}

void TestSearchText::foldsCaseWidthAndAccents()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(SearchText::fold(in), out);
}

void TestSearchText::phoneFormattingIsDropped_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("international")
        << QStringLiteral("+62 812-3456-7890") << QStringLiteral("6281234567890");
    QTest::newRow("obfuscated tag")
        << QStringLiteral("+62 812-****-7890") << QStringLiteral("62812****7890");
    QTest::newRow("parens") << QStringLiteral("(021) 555.1234") << QStringLiteral("0215551234");
    QTest::newRow("tilde") << QStringLiteral("~ 0812 3456") << QStringLiteral("08123456");
    QTest::newRow("letters keep spaces")
        << QStringLiteral("Team 10 - 20") << QStringLiteral("team 10 - 20");
    QTest::newRow("no digits") << QStringLiteral("- + -") << QStringLiteral("- + -");
}

void TestSearchText::phoneFormattingIsDropped()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(SearchText::fold(in), out);
}

void TestSearchText::cleanKeepsTextButNulAndLoneSurrogates()
{
    QString s = QStringLiteral("Ab");
    s += QChar(0);
    s += QChar(0xD800);
    s += QStringLiteral("😀");
    s += QChar(0xDC00);
    const QString cleaned = SearchText::clean(s);
    QCOMPARE(cleaned, QStringLiteral("Ab\uFFFD😀\uFFFD"));
    QCOMPARE(SearchText::clean(QStringLiteral("Budi")), QStringLiteral("Budi"));
}

void TestSearchText::queryNormalises()
{
    const SearchQuery q = SearchQuery::fromUserText(QStringLiteral("  +62 812-3  "));
    QCOMPARE(q.text, QStringLiteral("628123"));
    QCOMPARE(q.length, 6);
    QVERIFY(q.usesTrigrams());
    QCOMPARE(q.upperBound, QStringLiteral("628123") + SearchText::maxChar());

    const SearchQuery jid = SearchQuery::fromUserText(
        QStringLiteral("6281234567890@s.whatsapp.net"));
    QCOMPARE(jid.text, QStringLiteral("6281234567890"));
    const SearchQuery lid = SearchQuery::fromUserText(QStringLiteral("205227043110953@lid"));
    QCOMPARE(lid.text, QStringLiteral("205227043110953@lid"));

    QVERIFY(SearchQuery::fromUserText(QStringLiteral("   ")).isEmpty());
    QVERIFY(SearchQuery::fromUserText(QString(QChar(0))).isEmpty());
    const SearchQuery emoji = SearchQuery::fromUserText(QStringLiteral("🌸"));
    QCOMPARE(emoji.length, 1);
    QVERIFY(!emoji.usesTrigrams());
}

void TestSearchText::phraseQuotesEverything()
{
    QCOMPARE(SearchText::ftsPhrase(QStringLiteral("a\"b")), QStringLiteral("\"a\"\"b\""));
    QCOMPARE(SearchText::ftsPhrase(QStringLiteral("NEAR(a b) OR c*")),
             QStringLiteral("\"NEAR(a b) OR c*\""));
}

void TestSearchText::countsCodePoints()
{
    QCOMPARE(SearchText::codePoints(QStringLiteral("a😀b")), 3);
    QCOMPARE(SearchText::codePoints(QString(QChar(0xD800))), 1);
}

void TestSearchText::hostileTextFoldsSafely()
{
    QString hostile;
    for (int i = 0; i < 10000; ++i)
        hostile += QChar(char16_t(i * 7919 % 0xFFFF));
    const QString folded = SearchText::fold(hostile);
    QVERIFY(!folded.contains(QChar(0)));
    QVERIFY(!folded.contains(QChar(0x1F)));
    QVERIFY(!folded.contains(SearchText::maxChar()));
    for (qsizetype i = 0; i < folded.size(); ++i) {
        if (folded.at(i).isHighSurrogate())
            QVERIFY(i + 1 < folded.size() && folded.at(++i).isLowSurrogate());
        else
            QVERIFY(!folded.at(i).isLowSurrogate());
    }
}

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
