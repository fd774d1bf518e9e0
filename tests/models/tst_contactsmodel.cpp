// ContactsModel under QAbstractItemModelTester on a real SQLite cache: paging, filters,
// sorting, counting in the background, and a sync landing (another connection commits).
#include "ContactsModel.h"
#include "ModelTestCache.h"
#include "cache/CacheReader.h"
#include "cache/ContactCounter.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;

// The rows of rowsInserted or rowsRemoved signals.
int insertedRows(const QSignalSpy &spy)
{
    int rows = 0;
    for (const QList<QVariant> &args : spy)
        rows += args.at(2).toInt() - args.at(1).toInt() + 1;
    return rows;
}

QStringList column(const QAbstractItemModel &model, int column);

// The LIDs of the cache's contacts, in name order, as a new model reads them.
QStringList freshLids(ModelTestCache &cache)
{
    ContactsModel fresh(&cache.reader());
    fresh.setFilter(cache.filter());
    return column(fresh, ContactsModel::Lid);
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, column).data().toString();
    return values;
}
} // namespace

class TestContactsModel : public QObject
{
    Q_OBJECT
private:
    ModelTestCache m_cache;

    ContactFilter filter(const QString &text = {}) const { return m_cache.filter(text); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldReadEveryRowInPagesWhenPopulated()
    {
        // GIVEN a model holding at most 4 pages of 50 rows
        ContactsModel model(&m_cache.reader());
        model.setPageSize(50);
        model.setMaxPages(4);
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN it is populated and every row is read
        model.setFilter(filter());
        QCOMPARE(model.rowCount(), 1000);
        QVERIFY(model.countExact());
        QStringList names, lids;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString lid = model.index(row, ContactsModel::Lid).data().toString();
            QVERIFY2(lid.endsWith(QLatin1String("@lid")), qPrintable(QString::number(row)));
            lids << lid;
            names << model.index(row, ContactsModel::Name).data().toString();
        }

        // THEN the rows come in name order, and only the last pages are still held
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
        QCOMPARE(names.first(), sorted.first());
        const QString firstLid = lids.first();
        const QString lastLid = lids.last();
        QCOMPARE(model.rowOfLid(lastLid), 999);
        QCOMPARE(model.rowOfLid(firstLid), -1);
        // Jumping back to the top reads again.
        QVERIFY(!model.index(0, 0).data().toString().isEmpty());
        QCOMPARE(model.rowOfLid(firstLid), 0);
    }

    void shouldMatchNamesAndTagsWhenFilteredByText()
    {
        // GIVEN a populated model, read in small pages
        ContactsModel model(&m_cache.reader());
        model.setPageSize(50);
        model.setMaxPages(4);
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());

        // WHEN the search box says "budi"
        model.setFilter(filter(QStringLiteral("budi")));

        // THEN every Budi (one contact in 24) is there, plus contacts whose group tag says Budi
        QVERIFY(model.rowCount() > 0);
        QVERIFY(model.rowCount() < 1000);
        int budis = 0;
        for (const QString &name : column(model, ContactsModel::Name))
            budis += name.startsWith(QLatin1String("Budi")) ? 1 : 0;
        QCOMPARE(budis, 42);

        // WHEN nobody matches
        model.setFilter(filter(QStringLiteral("zzzz-nobody")));

        // THEN the model is empty
        QCOMPARE(model.rowCount(), 0);
    }

    void shouldKeepOnlyOneSourceWhenFilteredBySource()
    {
        // GIVEN a model under its tester, read in small pages
        ContactsModel model(&m_cache.reader());
        model.setPageSize(50);
        model.setMaxPages(4);
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN only direct chats are asked for
        ContactFilter dm = filter();
        dm.source = ContactSource::Dm;
        model.setFilter(dm);

        // THEN every third contact is there, each shown as a direct chat
        QCOMPARE(model.rowCount(), 334);
        QCOMPARE(model.index(0, ContactsModel::Source).data().toString(),
                 QStringLiteral("Direct chat"));
        QCOMPARE(column(model, ContactsModel::Source).count(QStringLiteral("Direct chat")), 334);

        // WHEN only contacts found in groups are asked for
        ContactFilter group = filter();
        group.source = ContactSource::Group;
        model.setFilter(group);

        // THEN the other two thirds are
        QCOMPARE(model.rowCount(), 666);
        QCOMPARE(column(model, ContactsModel::Source).count(QStringLiteral("Group")), 666);
    }

    void shouldKeepOnlyTheMembersWhenFilteredByGroup()
    {
        // GIVEN a model under its tester
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN the filter names a group
        ContactFilter group = filter();
        group.groupJid = m_cache.firstGroupJid();
        QVERIFY(!group.groupJid.isEmpty());
        model.setFilter(group);

        // THEN its 12 members are the rows
        QCOMPARE(model.rowCount(), 12);
        const std::optional<QList<CachedMember>> members = m_cache.reader().members(
            m_cache.sessionId(), group.groupJid);
        QVERIFY(members);
        QStringList memberLids;
        for (const CachedMember &m : *members)
            memberLids << m.member.lid;
        for (const QString &lid : column(model, ContactsModel::Lid))
            QVERIFY2(memberLids.contains(lid), qPrintable(lid));
    }

    void shouldResetOnceAndStayValidThroughEveryFilterChange()
    {
        // GIVEN a model under its tester
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &ContactsModel::countChanged);
        ContactFilter dmBudi = filter(QStringLiteral("Budi"));
        dmBudi.source = ContactSource::Dm;
        ContactFilter group = filter();
        group.groupJid = m_cache.firstGroupJid();
        ContactFilter otherSession = filter();
        otherSession.sessionId = QStringLiteral("no-such-session");
        const QList<ContactFilter> filters = {
            filter(),     filter(QStringLiteral("a")),      dmBudi,  group,
            otherSession, filter(QStringLiteral("Siti W")), filter()};

        // WHEN the filter changes again and again, each time read down to its last row
        for (const ContactFilter &f : filters) {
            model.setFilter(f);
            if (model.rowCount() > 0)
                QVERIFY(model.index(model.rowCount() - 1, 0).data().isValid());
            QCoreApplication::processEvents(); // a count correction lands here
        }

        // THEN each change was one reset with its count, and the tester stayed quiet
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(resets.size(), filters.size());
        QVERIFY(counts.size() >= filters.size());
        QCOMPARE(counts.last().at(0).toLongLong(), 1000);
        QCOMPARE(model.rowCount(), 1000);
    }

    void shouldBeEmptyWithoutASession()
    {
        // GIVEN a populated model
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());
        QCOMPARE(model.rowCount(), 1000);

        // WHEN it is reset to no session
        model.setFilter(ContactFilter());

        // THEN it has no rows and no total, and says so exactly
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.countExact());
        QCOMPARE(model.totalCount(), 0);
        QVERIFY(!model.contactAt(0));
    }

    void shouldSettleTheCountWhenTheLastPageOfAShortSearchIsRead()
    {
        // GIVEN a one-letter search, whose count may be capped
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter(QStringLiteral("a")));
        QVERIFY(model.rowCount() > 0);

        // WHEN the last page is read
        const int last = model.rowCount() - 1;
        model.index(last, 0).data();

        // THEN the count settles to what the pages hold
        QTRY_VERIFY(model.countExact());
    }

    // Counting in the background: the first page at once, shown as "200+", then the count.
    void shouldShowTheFirstPageAtOnceThenTheCountFromTheBackground()
    {
        // GIVEN a model counting in the background
        ContactsModel model(&m_cache.reader());
        ContactCounter modelCounter(m_cache.path());
        model.countInBackground(&modelCounter);
        QAbstractItemModelTester tester(&model, kMode);
        QSignalSpy counted(&model, &ContactsModel::countChanged);

        // WHEN it is populated
        model.setFilter(filter());

        // THEN the first page is painted without waiting, the same rows as a counted model's
        QCOMPARE(model.rowCount(), 200);
        QVERIFY(!model.countExact());
        ContactsModel counted1(&m_cache.reader());
        counted1.setFilter(filter());
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(),
                 counted1.index(0, ContactsModel::Lid).data().toString());
        // AND the count arrives, rows inserted under the tester
        QTRY_COMPARE(model.rowCount(), 1000);
        QVERIFY(model.countExact());
        QCOMPARE(counted.last().at(0).toLongLong(), 1000);
    }

    // When the filter changes before a count arrives, that count is never applied.
    void shouldNeverApplyTheCountOfAFilterTypedOver()
    {
        // GIVEN a model counting in the background
        ContactsModel model(&m_cache.reader());
        ContactCounter modelCounter(m_cache.path());
        model.countInBackground(&modelCounter);
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN "Budi" replaces everything before the count of everything lands
        model.setFilter(filter());
        model.setFilter(filter(QStringLiteral("Budi")));

        // THEN the count is Budi's, as a model counting at once finds it
        ContactsModel reference(&m_cache.reader());
        reference.setFilter(filter(QStringLiteral("Budi")));
        QTRY_VERIFY(model.countExact());
        QCOMPARE(model.rowCount(), reference.rowCount());
        QVERIFY(reference.rowCount() > 0 && reference.rowCount() < 1000);
    }

    // The counter skips requests a newer one replaced, but an answer it already sent still
    // arrives: the model must tell it apart.
    void shouldIgnoreACountAnsweredForAFilterThatIsGone()
    {
        // GIVEN a model whose count of every contact was sent but not yet delivered; pages of
        // 10 rows, so that Budi's count is asked for too
        ContactsModel model(&m_cache.reader());
        model.setPageSize(10);
        ContactCounter modelCounter(m_cache.path());
        model.countInBackground(&modelCounter);
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());
        QThread::msleep(300); // the counter answers meanwhile; this thread delivers nothing

        // WHEN "Budi" is typed before that answer is delivered
        model.setFilter(filter(QStringLiteral("Budi")));
        QSignalSpy counts(&model, &ContactsModel::countChanged);

        // THEN the answer for every contact is never applied: the count is Budi's
        ContactsModel reference(&m_cache.reader());
        reference.setFilter(filter(QStringLiteral("Budi")));
        QTRY_VERIFY(model.countExact());
        QTest::qWait(50); // a late answer would land here
        QCOMPARE(model.rowCount(), reference.rowCount());
        for (const QList<QVariant> &count : std::as_const(counts))
            QVERIFY(count.at(0).toLongLong() != 1000);
    }

    void shouldCountExactlyAtOnceWhenTheFirstPageHoldsEveryRow()
    {
        // GIVEN a model counting in the background
        ContactsModel model(&m_cache.reader());
        ContactCounter modelCounter(m_cache.path());
        model.countInBackground(&modelCounter);
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN the filter's rows fit in the first page
        model.setFilter(filter(DemoCache::lid(7)));

        // THEN the count is exact before any answer from the background
        QVERIFY(model.countExact());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), DemoCache::lid(7));
    }

    // With a counter the total ("of 1,000") is counted there too, never on the caller's thread:
    // unknown (-1) until totalChanged; counted again after a refresh, never per filter change.
    void shouldCountTheTotalInTheBackgroundOncePerRefresh()
    {
        // GIVEN a model counting in the background
        ContactsModel model(&m_cache.reader());
        ContactCounter modelCounter(m_cache.path());
        model.countInBackground(&modelCounter);
        QAbstractItemModelTester tester(&model, kMode);
        QSignalSpy totals(&model, &ContactsModel::totalChanged);

        // WHEN a search is typed
        model.setFilter(filter(QStringLiteral("Budi")));

        // THEN the total is unknown until it arrives
        QCOMPARE(model.totalCount(), -1);
        QTRY_COMPARE(totals.size(), 1);
        QCOMPARE(totals.last().at(0).toLongLong(), 1000);
        QCOMPARE(model.totalCount(), 1000);

        // WHEN the search is typed on
        model.setFilter(filter(QStringLiteral("Budi S")));
        model.setFilter(filter(QStringLiteral("Siti")));
        QTRY_VERIFY(model.countExact());

        // THEN the total is not counted again
        QCOMPARE(totals.size(), 1);

        // WHEN the model is refreshed
        model.refresh();

        // THEN the total is counted again
        QCOMPARE(model.totalCount(), -1);
        QTRY_COMPARE(totals.size(), 2);
        QCOMPARE(model.totalCount(), 1000);
    }

    void shouldTakeTheTotalFromTheCountOfAFilterKeepingEveryContact()
    {
        // GIVEN a model counting in the background
        ContactsModel all(&m_cache.reader());
        ContactCounter allCounter(m_cache.path());
        all.countInBackground(&allCounter);
        QAbstractItemModelTester tester(&all, kMode);
        QSignalSpy allTotals(&all, &ContactsModel::totalChanged);

        // WHEN it shows every contact
        all.setFilter(filter());

        // THEN its count is the total: said once
        QTRY_VERIFY(all.countExact());
        QCOMPARE(allTotals.size(), 1);
        QCOMPARE(all.totalCount(), 1000);
    }

    void shouldCountTheTotalWhenAskedWithoutACounter()
    {
        // GIVEN a model without a counter, filtered by a search
        ContactsModel direct(&m_cache.reader());
        QAbstractItemModelTester tester(&direct, kMode);
        direct.setFilter(filter(QStringLiteral("Budi")));

        // WHEN the total is asked for
        const qint64 total = direct.totalCount();

        // THEN it is counted there and then
        QCOMPARE(total, 1000);
    }

    // The groups column says in how many groups each contact was seen: the same number as
    // the contact's detail lists.
    void shouldShowInHowManyGroupsEachContactIs()
    {
        // GIVEN a populated model
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());

        // WHEN the groups column is read, every 37th row
        int withGroups = 0;
        for (int row = 0; row < model.rowCount(); row += 37) {
            const QString lid = model.index(row, ContactsModel::Lid).data().toString();
            const auto detail = m_cache.reader().contact(m_cache.sessionId(), lid);
            QVERIFY(detail);
            const QVariant shown = model.index(row, ContactsModel::GroupCount).data();

            // THEN it matches the contact's detail
            QVERIFY2(shown.isValid(), qPrintable(lid));
            QCOMPARE(shown.toInt(), int(detail->detail.groups.size()));
            withGroups += shown.toInt() > 0 ? 1 : 0;
        }
        QVERIFY(withGroups > 0);
    }

    void shouldAnswerTheRolesTheViewsAsk()
    {
        // GIVEN a populated model
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());

        // WHEN a row is read through its roles
        for (int row : {0, 4, 500, 999}) {
            const QModelIndex index = model.index(row, ContactsModel::Name);
            const std::optional<CachedContact> contact = model.contactAt(row);

            // THEN they agree with the columns and with the contact of the row
            QVERIFY(contact);
            QCOMPARE(index.data(ContactsModel::LidRole).toString(), contact->contact.lid);
            QCOMPARE(model.index(row, ContactsModel::Lid).data().toString(), contact->contact.lid);
            QCOMPARE(index.data(ContactsModel::PhoneRole).toString(),
                     model.index(row, ContactsModel::Phone).data().toString());
            QCOMPARE(index.data(Qt::ToolTipRole), index.data(Qt::DisplayRole));
        }
        QVERIFY(!model.contactAt(-1));
        QVERIFY(!model.contactAt(1000));
    }

    void shouldNameEveryColumn()
    {
        // GIVEN a model
        ContactsModel model(&m_cache.reader());

        // WHEN its horizontal header is read
        QStringList headers;
        for (int c = 0; c < model.columnCount(); ++c)
            headers << model.headerData(c, Qt::Horizontal).toString();

        // THEN every column has its own name
        QCOMPARE(headers.size(), int(ContactsModel::ColumnCount));
        QCOMPARE(headers.at(ContactsModel::Lid), QStringLiteral("LID"));
        QCOMPARE(headers.removeDuplicates(), 0);
        QVERIFY(!headers.contains(QString()));
    }

    void shouldSortThroughTheReaderOrdersOnly()
    {
        // GIVEN a populated model
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // WHEN it is sorted by LID, both ways
        model.sort(ContactsModel::Lid, Qt::DescendingOrder);
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), DemoCache::lid(999));
        model.sort(ContactsModel::Lid, Qt::AscendingOrder);

        // THEN the rows follow, and the filter remembers the order
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), DemoCache::lid(0));
        QCOMPARE(model.filter().sort, ContactSort::Lid);
        QCOMPARE(resets.size(), 2);

        // WHEN the same order is asked again, or a column the reader cannot order by
        model.sort(ContactsModel::Lid, Qt::AscendingOrder);
        model.sort(ContactsModel::Business, Qt::AscendingOrder); // not a reader order: ignored

        // THEN nothing is read again
        QCOMPARE(model.filter().sort, ContactSort::Lid);
        QCOMPARE(resets.size(), 2);
        QVERIFY(!ContactsModel::isSortable(ContactsModel::Business));
        QVERIFY(!ContactsModel::isSortable(ContactsModel::GroupCount));
    }

    void shouldSortByNameAndPhoneBothWays()
    {
        // GIVEN a populated model in name order
        ContactsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(filter());
        const QString firstByName = model.index(0, ContactsModel::Lid).data().toString();
        const QString lastByName = model.index(999, ContactsModel::Lid).data().toString();

        // WHEN it is sorted by name descending
        model.sort(ContactsModel::Name, Qt::DescendingOrder);

        // THEN the last row comes first (names are unique in the demo)
        QCOMPARE(model.index(0, ContactsModel::Lid).data().toString(), lastByName);
        QCOMPARE(model.index(999, ContactsModel::Lid).data().toString(), firstByName);

        // WHEN it is sorted by phone
        model.sort(ContactsModel::Phone, Qt::AscendingOrder);

        // THEN the lowest number comes first and contacts without one come last
        QCOMPARE(model.index(0, ContactsModel::Phone).data().toString(),
                 QStringLiteral("+62 812 1000 0000"));
        QCOMPARE(model.index(999, ContactsModel::Phone).data().toString(), QString());
        QCOMPARE(model.filter().sort, ContactSort::Phone);
        QCOMPARE(ContactsModel::columnOf(ContactSort::Phone), int(ContactsModel::Phone));
        QCOMPARE(ContactsModel::columnOf(ContactSort::Updated), int(ContactsModel::Updated));
    }

    // A sync landing adds rows: those that sort into the rows read are inserted there, the
    // rest at the end; no reset, so the view keeps selection and scroll.
    void shouldInsertRowsInPlaceWhenRefreshedAfterASyncAddedContacts()
    {
        // GIVEN a model over a cache of its own, populated, its first page read
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(cache.filter());
        QVERIFY(!model.index(0, ContactsModel::Lid).data().toString().isEmpty());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // WHEN another connection stores 200 more contacts and the model refreshes
        DemoCache::Spec more = ModelTestCache::smallSpec();
        more.contacts = 200;
        more.firstContact = 1000;
        const QString landError = cache.land(more);
        QVERIFY2(landError.isEmpty(), qPrintable(landError));
        model.refresh();

        // THEN 200 rows were inserted, without a reset, and the rows read are in name order
        QCOMPARE(model.rowCount(), 1200);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(insertedRows(inserted), 200);
        QCOMPARE(column(model, ContactsModel::Lid).mid(0, 400), freshLids(cache).mid(0, 400));
        QCOMPARE(model.totalCount(), 1200);
    }

    void shouldRemoveRowsWhenRefreshedAfterASyncDroppedContacts()
    {
        // GIVEN a model over a cache of its own, populated, its first page read
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(cache.filter());
        QVERIFY(!model.index(0, ContactsModel::Lid).data().toString().isEmpty());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // WHEN a full sync of only 800 contacts lands and the model refreshes
        DemoCache::Spec fewer = ModelTestCache::smallSpec();
        fewer.contacts = 800;
        const QString landError = cache.land(fewer);
        QVERIFY2(landError.isEmpty(), qPrintable(landError));
        model.refresh();

        // THEN 200 rows were removed, without a reset, and every row left is the cache's
        QCOMPARE(model.rowCount(), 800);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(insertedRows(removed), 200);
        QCOMPARE(column(model, ContactsModel::Lid), freshLids(cache));
    }

    void shouldShowTheReadRowsAtOnceAndTheCountLaterWhenRefreshedWithACounter()
    {
        // GIVEN a model counting in the background over a cache of its own, fully counted
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        ContactCounter modelCounter(cache.path());
        model.countInBackground(&modelCounter);
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(cache.filter());
        QTRY_COMPARE(model.rowCount(), 1000);
        QVERIFY(!model.index(0, ContactsModel::Lid).data().toString().isEmpty());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // WHEN 200 more contacts land and the model refreshes
        DemoCache::Spec more = ModelTestCache::smallSpec();
        more.contacts = 200;
        more.firstContact = 1000;
        const QString landError = cache.land(more);
        QVERIFY2(landError.isEmpty(), qPrintable(landError));
        model.refresh();

        // THEN the new rows among those read show at once, the others when the count arrives,
        // without a reset
        QVERIFY(model.rowCount() > 1000);
        QVERIFY(model.rowCount() < 1200);
        QTRY_COMPARE(model.rowCount(), 1200);
        QVERIFY(model.countExact());
        QTRY_COMPARE(model.totalCount(), 1200);
        QCOMPARE(resets.size(), 0);
    }

    // The realtime feed renames the selected contact: its row moves to its new place in the
    // name order, the selection with it, and no row is reset, inserted or removed.
    void shouldMoveTheSelectedRowWhenALiveRenameChangesItsPlace()
    {
        // GIVEN a model over a cache of its own, its first rows read, row 3 selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        model.setPageSize(50);
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(cache.filter());
        const QString lid = model.index(3, ContactsModel::Lid).data().toString();
        const QString target = model.index(20, ContactsModel::Name).data().toString();
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(3, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // WHEN the feed renames it to sort just after row 20, and the model refreshes
        const QString renamed = target + QStringLiteral(" zz");
        const QString applyError = cache.applyLive({ModelTestCache::renamed(lid, renamed)});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        model.refresh();

        // THEN the row moved to row 20 with its new name, still current and selected
        QCOMPARE(resets.size(), 0);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.index(20, ContactsModel::Lid).data().toString(), lid);
        QCOMPARE(model.index(20, ContactsModel::Name).data().toString(), renamed);
        QCOMPARE(selection.currentIndex().row(), 20);
        QVERIFY(selection.isRowSelected(20, {}));
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(column(model, ContactsModel::Lid).mid(0, 100), freshLids(cache).mid(0, 100));
    }

    // A rename that keeps the order and a group joined change cells only: dataChanged.
    void shouldReportChangedCellsWhenALiveEventKeepsTheOrder()
    {
        // GIVEN a model over a cache of its own, its first rows read
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.setFilter(cache.filter());
        const QString lid = model.index(5, ContactsModel::Lid).data().toString();
        const QString name = model.index(5, ContactsModel::Name).data().toString();
        const int groups = model.index(5, ContactsModel::GroupCount).data().toInt();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

        // WHEN the feed gives it the same name with another case and it joins a group
        const QString applyError = cache.applyLive(
            {ModelTestCache::renamed(lid, name.toUpper()),
             ModelTestCache::participants(cache.firstGroupJid(), {lid}, {})});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        model.refresh();

        // THEN only that row changed, in place
        QCOMPARE(resets.size(), 0);
        QCOMPARE(moved.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 5);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 5);
        QCOMPARE(model.index(5, ContactsModel::Name).data().toString(), name.toUpper());
        QCOMPARE(model.index(5, ContactsModel::GroupCount).data().toInt(), groups + 1);
    }

    // Not a check (speed is the benchmarks' business): prints what a refresh costs with 200
    // rows read over 100,000 contacts, as the live feed makes it happen ten times a second.
    void shouldRefreshAWindowOf200RowsOverALargeCacheCheaply()
    {
        // GIVEN a model over 100,000 contacts counting in the background (as the window's
        // does), 200 rows read
        ModelTestCache cache;
        DemoCache::Spec spec = ModelTestCache::smallSpec();
        spec.contacts = 100000;
        const QString error = cache.create(spec);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        ContactCounter counter(cache.path());
        model.countInBackground(&counter);
        model.setPageSize(100);
        model.setFilter(cache.filter());
        QTRY_COMPARE(model.rowCount(), 100000);
        for (int row = 0; row < 200; ++row)
            QVERIFY(!model.index(row, ContactsModel::Name).data().toString().isEmpty());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // WHEN a contact of the window is renamed and the model refreshes, 20 times
        qint64 totalNs = 0;
        qint64 worstNs = 0;
        for (int i = 0; i < 20; ++i) {
            const QString lid = model.index(50 + i, ContactsModel::Lid).data().toString();
            const QString applyError = cache.applyLive(
                {ModelTestCache::renamed(lid, QStringLiteral("Renamed %1").arg(i))});
            QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
            QElapsedTimer timer;
            timer.start();
            model.refresh();
            const qint64 ns = timer.nsecsElapsed();
            totalNs += ns;
            worstNs = qMax(worstNs, ns);
        }

        // THEN it never reset; the cost is printed
        QCOMPARE(resets.size(), 0);
        qInfo("refresh of a 200-row window over 100,000 contacts: mean %.2f ms, worst %.2f ms",
              totalNs / 20 / 1e6, worstNs / 1e6);
    }
};

QTEST_GUILESS_MAIN(TestContactsModel)
#include "tst_contactsmodel.moc"
