#include "CacheTestUtil.h"

#include "cache/CacheKeys.h"
#include "cache/EncodedRows.h"
#include "cache/SearchText.h"

using namespace CacheTest;

// A page encoded for the store holds exactly the values CacheWriter stores: cleaned text,
// the folded search keys, NULL where the gateway sent nothing and "" where it sent "".
class TestEncodedRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contactsKeepNullEmptyAndText();
    void contactsAreCleanedAndKeyed();
    void membersCarryTheirGroupRoleTagAndTimes();
    void rowsWithoutAKeyAreMarked();

private:
    static QVariant value(const TextBuffer &text, TextBuffer::Ref ref)
    {
        if (ref.isNull())
            return QVariant(); // NULL
        const std::string_view bytes = text.view(ref);
        return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    }
};

void TestEncodedRows::contactsKeepNullEmptyAndText()
{
    const EncodedContacts page = EncodedContacts::from(
        {contact(QStringLiteral("1@lid"), QStringLiteral("Budi"), QString(QLatin1String("")),
                 std::nullopt, QStringLiteral("dm")),
         contact(QStringLiteral("2@lid"))});
    QCOMPARE(page.rows.size(), 2);
    const EncodedContact &budi = page.rows.at(0);
    QCOMPARE(value(page.text, budi.lid), QVariant(QStringLiteral("1@lid")));
    QVERIFY(budi.dm);
    QCOMPARE(value(page.text, budi.name), QVariant(QStringLiteral("Budi")));
    // Sent as "": stored as "" (a value), not NULL.
    QVERIFY(!budi.phone.isNull());
    QCOMPARE(value(page.text, budi.phone), QVariant(QString()));
    QVERIFY(page.text.view(budi.phone).data() != nullptr);
    QVERIFY(budi.businessName.isNull());
    QVERIFY(budi.businessNameKey.isNull());

    const EncodedContact &nameless = page.rows.at(1);
    QVERIFY(!nameless.dm);
    QVERIFY(nameless.name.isNull());
    QVERIFY(nameless.phone.isNull());
    QVERIFY(page.text.view(nameless.name).data() == nullptr); // bound as NULL
    // A nameless contact sorts last: its key is the sentinel, never NULL.
    QCOMPARE(value(page.text, nameless.nameKey), QVariant(SearchText::maxChar()));
    QVERIFY(!page.text.overflowed());
}

void TestEncodedRows::contactsAreCleanedAndKeyed()
{
    const QString dirty = QStringLiteral("Ánna") + QChar(0) + QStringLiteral(" Ünal")
        + QChar(0xD800);
    const QString business = QStringLiteral("  ＴＯＫＯ  Maju ");
    const EncodedContacts page = EncodedContacts::from(
        {contact(QStringLiteral("a@lid"), dirty, QStringLiteral("+62 812-3456"), business),
         contact(QStringLiteral("b@lid"), std::nullopt, std::nullopt, QStringLiteral("Café Ünal")),
         contact(QStringLiteral("c@lid"), QStringLiteral("\u0301"), std::nullopt,
                 QStringLiteral("\u200b"))});
    const EncodedContact &a = page.rows.at(0);
    QCOMPARE(value(page.text, a.name), QVariant(SearchText::clean(dirty)));
    QVERIFY(!value(page.text, a.name).toString().contains(QChar(0)));
    QCOMPARE(value(page.text, a.phone), QVariant(QStringLiteral("+62 812-3456")));
    QCOMPARE(value(page.text, a.businessName), QVariant(business));
    QCOMPARE(value(page.text, a.nameKey), CacheKeys::nameKey(dirty, business));
    QCOMPARE(value(page.text, a.businessNameKey), QVariant(SearchText::fold(business)));
    // No name: the business name keys the sort.
    const EncodedContact &b = page.rows.at(1);
    QCOMPARE(value(page.text, b.nameKey), QVariant(SearchText::fold(QStringLiteral("Café Ünal"))));
    // Text that folds to nothing: the business key is NULL, the name key the sentinel.
    const EncodedContact &c = page.rows.at(2);
    QVERIFY(c.businessNameKey.isNull());
    QVERIFY(!c.businessName.isNull());
    QCOMPARE(value(page.text, c.nameKey), QVariant(SearchText::maxChar()));
}

void TestEncodedRows::membersCarryTheirGroupRoleTagAndTimes()
{
    GroupMember admin = member(QStringLiteral("a@lid"), QStringLiteral("~Kapten Ünal"),
                               QStringLiteral("admin"));
    admin.id = 42;
    GroupMember noRole = member(QStringLiteral("b@lid"), QString(QLatin1String("")), QString());
    noRole.firstSeenAt = 0;
    noRole.lastSeenAt = -5; // nonsense from the gateway: not sent
    const GroupMember plain = member(QStringLiteral("c@lid"));
    const EncodedMembers list = EncodedMembers::from(QStringLiteral("120363@g.us"),
                                                     {admin, noRole, plain});
    QCOMPARE(value(list.text, list.groupJid), QVariant(QStringLiteral("120363@g.us")));
    QCOMPARE(list.rows.size(), 3);

    const EncodedMember &a = list.rows.at(0);
    QCOMPARE(value(list.text, a.lid), QVariant(QStringLiteral("a@lid")));
    QCOMPARE(value(list.text, a.role), QVariant(QStringLiteral("admin")));
    QCOMPARE(value(list.text, a.tag), QVariant(QStringLiteral("~Kapten Ünal")));
    QCOMPARE(value(list.text, a.tagKey),
             QVariant(SearchText::fold(QStringLiteral("~Kapten Ünal"))));
    QCOMPARE(a.gatewayId, 42);
    QCOMPARE(a.firstSeenAt, 1000);
    QCOMPARE(a.lastSeenAt, 2000);

    // No role is a member; a tag sent as "" is "" with no key; 0 and below are "not sent".
    const EncodedMember &b = list.rows.at(1);
    QCOMPARE(value(list.text, b.role), QVariant(QStringLiteral("member")));
    QVERIFY(!b.tag.isNull());
    QCOMPARE(value(list.text, b.tag), QVariant(QString()));
    QVERIFY(b.tagKey.isNull());
    QCOMPARE(b.gatewayId, 0);
    QCOMPARE(b.firstSeenAt, 0);
    QCOMPARE(b.lastSeenAt, 0);

    const EncodedMember &c = list.rows.at(2);
    QVERIFY(c.tag.isNull());
    QVERIFY(c.tagKey.isNull());
    // The same role text is held once per list.
    QCOMPARE(c.role.offset, b.role.offset);
}

void TestEncodedRows::rowsWithoutAKeyAreMarked()
{
    // The writer refuses these with a clear error (TestCacheWriter): here they must not
    // look like a row with an empty key.
    const EncodedContacts page = EncodedContacts::from(
        {contact(QString(), QStringLiteral("Nobody"))});
    QVERIFY(page.rows.at(0).lid.isNull());
    const EncodedMembers list = EncodedMembers::from(QString(), {member(QString())});
    QVERIFY(list.groupJid.isNull());
    QVERIFY(list.rows.at(0).lid.isNull());
}

QTEST_GUILESS_MAIN(TestEncodedRows)
#include "tst_encodedrows.moc"
