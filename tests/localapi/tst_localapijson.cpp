// LocalApiJson: getContact's and listContacts' bodies are byte for byte what the gateway's
// encoders give through QJsonDocument: keys in the same order, optional fields left out the
// same way, every UTF-16 code unit and the edges of the numbers written alike.
#include "gateway/GatewayJson.h"
#include "localapi/LocalApiJson.h"

#include <QTest>

#include <limits>

namespace {

QByteArray byQt(const ContactDetail &d)
{
    return QJsonDocument(GatewayJson::fromContactDetail(d)).toJson(QJsonDocument::Compact);
}

QByteArray byQt(const Page<Contact> &page)
{
    return QJsonDocument(GatewayJson::fromPage(page, GatewayJson::fromContact))
        .toJson(QJsonDocument::Compact);
}

ContactDetail fullDetail(const QString &text, qint64 number)
{
    ContactDetail d;
    d.dm = true;
    ContactGroup g;
    g.jid = QStringLiteral("120363041234567890@g.us");
    g.role = QStringLiteral("admin");
    g.lastSeen = number;
    g.name = text;
    g.tag = text;
    d.groups << g << ContactGroup{};
    Identity i;
    i.id = number;
    i.lid = QStringLiteral("205227043110953@lid");
    i.firstSeenAt = number;
    // Negative too, but INT64_MIN has no negation: it stays itself.
    i.updatedAt = number == std::numeric_limits<qint64>::min() ? number : -number;
    i.name = text;
    i.phoneNumber = QStringLiteral("6281234567890");
    i.phoneJid = QStringLiteral("6281234567890@s.whatsapp.net");
    i.businessName = text;
    d.identity = i;
    return d;
}

Contact contact(const QString &text)
{
    Contact c;
    c.lid = QStringLiteral("205227043110953@lid");
    c.source = QStringLiteral("group");
    c.name = text;
    c.phoneNumber = QStringLiteral("6281234567890");
    c.businessName = text;
    return c;
}

} // namespace

class TestLocalApiJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldWriteContactDetailsAsTheGatewayEncoderDoes()
    {
        // Given details from the emptiest to the fullest
        ContactDetail empty;
        ContactDetail identityOnly;
        identityOnly.identity = Identity{};
        ContactDetail partial = fullDetail(QStringLiteral("Ayu"), 1731397787346);
        partial.identity->phoneJid.reset();
        partial.identity->businessName.reset();
        partial.groups[0].tag.reset();
        ContactDetail nullStrings = fullDetail(QString(), 0);

        // When each is written / Then the bytes are Qt's
        for (const ContactDetail &d : {empty, identityOnly, partial, nullStrings,
                                       fullDetail(QStringLiteral("Budi"), 1684029296444)})
            QCOMPARE(LocalApiJson::contactDetail(d), byQt(d));
    }

    void shouldWriteContactPagesAsTheGatewayEncoderDoes()
    {
        // Given an empty last page, a full page with a cursor, and a contact with no options
        Page<Contact> empty;
        Page<Contact> full;
        for (int i = 0; i < 50; ++i)
            full.items << contact(QStringLiteral("Citra %1").arg(i));
        full.nextCursor = QStringLiteral("n\u00e9\"xt.AbC-_9");
        Page<Contact> bare;
        bare.items << Contact{};

        // When each is written / Then the bytes are Qt's
        for (const Page<Contact> &page : {empty, full, bare})
            QCOMPARE(LocalApiJson::contactPage(page), byQt(page));
    }

    void shouldWriteEveryCodeUnitAsQtDoes()
    {
        // Given names holding every UTF-16 code unit, 64 at a time (lone surrogates included:
        // 0xD800..0xDFFF one after the other pair up only across a high/low boundary)
        for (int from = 0; from < 0x10000; from += 64) {
            QString text;
            for (int c = from; c < from + 64; ++c)
                text += QChar(char16_t(c));
            // When written in a detail and in a page / Then the bytes are Qt's
            const ContactDetail d = fullDetail(text, 1);
            QCOMPARE(LocalApiJson::contactDetail(d), byQt(d));
            Page<Contact> page;
            page.items << contact(text);
            QCOMPARE(LocalApiJson::contactPage(page), byQt(page));
        }
    }

    void shouldWriteSurrogatePairsAndStrayHalvesAsQtDoes()
    {
        const QChar high(char16_t(0xD83D)), low(char16_t(0xDE00));
        const QList<QString> texts = {
            QString::fromUtf8("Dewi \xF0\x9F\x98\x80 caf\xC3\xA9"), // a pair, then a BMP letter
            QString(high),                                          // a high half alone
            QString(low) + QStringLiteral("x"),                     // a low half first
            QString(high) + QStringLiteral("x") + low,              // halves apart
            QString(high) + high + low,                             // a stray half, then a pair
            QStringLiteral("\"quoted\" back\\slash\ttab\nnewline\u007f\u2028"),
        };
        for (const QString &text : texts) {
            const ContactDetail d = fullDetail(text, 2);
            QCOMPARE(LocalApiJson::contactDetail(d), byQt(d));
        }
    }

    void shouldWriteNumbersAsQtDoes()
    {
        // Given numbers around the edges of what a double holds exactly
        const qint64 exact = qint64(1) << 53;
        const QList<qint64> numbers = {0,
                                       1,
                                       -1,
                                       1731397787346,
                                       exact,
                                       -exact,
                                       exact + 1,
                                       -exact - 1,
                                       exact * 3 + 7,
                                       std::numeric_limits<qint64>::max(),
                                       std::numeric_limits<qint64>::min()};
        // When written as ids and times / Then the bytes are Qt's
        for (qint64 n : numbers) {
            const ContactDetail d = fullDetail(QStringLiteral("Eko"), n);
            QCOMPARE(LocalApiJson::contactDetail(d), byQt(d));
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalApiJson)
#include "tst_localapijson.moc"
