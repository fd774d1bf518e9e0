// CsvExport on a real SQLite cache: RFC 4180 cells, formulas defused, every contact of a
// filter written page by page, a small model as shown, and a full disk reported.
#include "CsvExport.h"
#include "GroupsModel.h"
#include "ModelTestCache.h"
#include "cache/CacheReader.h"

#include <QBuffer>
#include <QFile>
#include <QtTest>

namespace {
QStringList linesOf(const QByteArray &csv)
{
    QStringList lines = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // after the last line's CRLF
    return lines;
}
} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldQuoteCellsHoldingSeparatorsOrQuotes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << QStringLiteral("Budi Santoso") << QStringLiteral("Budi Santoso");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("Halim, Budi")
                               << QStringLiteral("\"Halim, Budi\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"")
                               << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines")
                                 << QStringLiteral("\"two\nlines\"");
        QTest::newRow("apostrophe") << QStringLiteral("Jum'at") << QStringLiteral("\"Jum'at\"");
    }

    void shouldQuoteCellsHoldingSeparatorsOrQuotes()
    {
        // GIVEN a text
        QFETCH(QString, text);
        QFETCH(QString, cell);

        // WHEN it is made a cell
        const QString written = CsvExport::cell(text);

        // THEN it is quoted as RFC 4180 says, and only when it must be
        QCOMPARE(written, cell);
    }

    void shouldDefuseCellsASpreadsheetWouldRunAsAFormula_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("cell");
        QTest::newRow("=") << QStringLiteral("=SUM(A1)") << QStringLiteral("\"'=SUM(A1)\"");
        QTest::newRow("+") << QStringLiteral("+62 812") << QStringLiteral("\"'+62 812\"");
        QTest::newRow("-") << QStringLiteral("-1") << QStringLiteral("\"'-1\"");
        QTest::newRow("@") << QStringLiteral("@cmd") << QStringLiteral("\"'@cmd\"");
        QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("\"'\tx\"");
        QTest::newRow("inside") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }

    void shouldDefuseCellsASpreadsheetWouldRunAsAFormula()
    {
        // GIVEN a text starting like a formula
        QFETCH(QString, text);
        QFETCH(QString, cell);

        // WHEN it is made a cell
        const QString written = CsvExport::cell(text);

        // THEN it starts with an apostrophe, so a spreadsheet shows it as text
        QCOMPARE(written, cell);
    }

    void shouldWriteEveryContactOfTheFilterAfterAHeader()
    {
        // GIVEN every contact of the demo session
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        QString error;

        // WHEN they are exported
        const qint64 rows = CsvExport::writeContacts(m_cache.reader(), m_cache.filter(), &out,
                                                     &error);

        // THEN the header and one line per contact were written, each LID once
        QVERIFY2(rows >= 0, qPrintable(error));
        QCOMPARE(rows, 1000);
        const QStringList lines = linesOf(out.data());
        QCOMPARE(lines.size(), 1001);
        QCOMPARE(lines.first(),
                 QStringLiteral("lid,name,phone,phone_jid,business_name,source,first_seen_at,"
                                "updated_at"));
        QSet<QString> lids;
        for (int i = 1; i < lines.size(); ++i)
            lids.insert(lines.at(i).section(QLatin1Char(','), 0, 0));
        QCOMPARE(lids.size(), 1000);
    }

    void shouldWriteAContactsFieldsAsCells()
    {
        // GIVEN a filter that keeps the first demo contact only
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));

        // WHEN it is exported
        const qint64 rows = CsvExport::writeContacts(m_cache.reader(),
                                                     m_cache.filter(DemoCache::lid(0)), &out);

        // THEN its line holds its fields, the phone number defused
        QCOMPARE(rows, 1);
        const QStringList lines = linesOf(out.data());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1),
                 DemoCache::lid(0)
                     + QStringLiteral(",Budi Santoso,\"'+62 812 1000 0000\",,Santoso Store,dm,,"));
    }

    void shouldWriteAsManyRowsAsTheFilterCounts()
    {
        // GIVEN a search
        const ContactFilter budi = m_cache.filter(QStringLiteral("Budi"));
        const std::optional<ContactCount> count = m_cache.reader().countContacts(budi);
        QVERIFY(count);
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));

        // WHEN its contacts are exported
        const qint64 rows = CsvExport::writeContacts(m_cache.reader(), budi, &out);

        // THEN there is a line for each contact it counts
        QCOMPARE(rows, count->value);
        QCOMPARE(linesOf(out.data()).size(), int(count->value) + 1);
    }

    void shouldWriteASmallModelAsShown()
    {
        // GIVEN the groups of the demo session in their model
        GroupsModel groups(&m_cache.reader());
        groups.setSession(m_cache.sessionId());
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));

        // WHEN the model is exported
        const qint64 rows = CsvExport::writeModel(groups, &out);

        // THEN the header is the model's, and each row is as the table shows it
        QCOMPARE(rows, 6);
        const QStringList lines = linesOf(out.data());
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines.first(),
                 QStringLiteral("Subject,JID,Members,Owner,Announce / locked,Created"));
        const QString subject = groups.index(0, GroupsModel::Subject).data().toString();
        const QString jid = groups.index(0, GroupsModel::Jid).data().toString();
        QVERIFY2(lines.at(1).startsWith(subject + QLatin1Char(',') + jid + QLatin1Char(',')),
                 qPrintable(lines.at(1)));
        QCOMPARE(lines.filter(QStringLiteral("\"Announce, Locked\"")).size(), 1);
    }

    void shouldReportAFullDiskInsteadOfRows()
    {
        // GIVEN a device every write to fails, as a full disk does
        QFile full(QStringLiteral("/dev/full"));
        if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            QSKIP("no /dev/full here");
        QString error;

        // WHEN contacts are exported to it
        const qint64 rows = CsvExport::writeContacts(m_cache.reader(), m_cache.filter(), &full,
                                                     &error);

        // THEN the export fails with the device's error
        QCOMPARE(rows, -1);
        QVERIFY(!error.isEmpty());
        QCOMPARE(error, full.errorString());
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
