// SessionsModel under QAbstractItemModelTester on a real SQLite cache: the session list with
// its status badges, refreshed after another connection stores sessions, and cleared.
#include "ModelTestCache.h"
#include "SessionsModel.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheWriter.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QItemSelectionModel>
#include <QPixmap>
#include <QSignalSpy>
#include <QtTest>

namespace {
constexpr auto kMode = ModelTestCache::kTesterMode;
}

class TestSessionsModel : public QObject
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

    void shouldListTheSessionWithItsStatusWhenRefreshed()
    {
        // GIVEN a model under its tester
        SessionsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);

        // WHEN it reads the cache
        model.refresh();

        // THEN the demo session is there, connected, with its label
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(SessionsModel::SessionIdRole).toString(), QStringLiteral("demo"));
        QVERIFY(i.data(SessionsModel::ConnectedRole).toBool());
        QCOMPARE(i.data(SessionsModel::StatusTextRole).toString(), QStringLiteral("Connected"));
        QVERIFY(i.data(Qt::DisplayRole).toString().contains(QLatin1String("Support line")));
        QCOMPARE(i.data(Qt::DisplayRole).toString(),
                 QStringLiteral("Support line (+62 811 0000 0001)"));
        QCOMPARE(i.data(SessionsModel::PhoneRole).toString(), QStringLiteral("+62 811 0000 0001"));
        QVERIFY(i.data(Qt::ToolTipRole).toString().contains(QLatin1String("Connected")));
        QCOMPARE(model.rowOfSession(QStringLiteral("demo")), 0);
        QCOMPARE(model.sessionAt(0)->session.id, QStringLiteral("demo"));
    }

    void shouldSayWhyASessionIsNotConnected()
    {
        // GIVEN every status the gateway reports, and one it does not know
        const QStringList statuses = {QStringLiteral("starting"),   QStringLiteral("scan_qr_code"),
                                      QStringLiteral("failed"),     QStringLiteral("stopped"),
                                      QStringLiteral("logged_out"), QStringLiteral("unknown")};

        // WHEN each is put in words
        QStringList texts;
        for (const QString &status : statuses)
            texts << SessionsModel::statusText(status);

        // THEN each says it is not connected, in a sentence of its own
        QVERIFY(SessionsModel::statusText(QStringLiteral("logged_out"))
                    .contains(QLatin1String("not connected")));
        for (int i = 0; i < statuses.size() - 1; ++i)
            QVERIFY2(texts.at(i).contains(QLatin1String("not connected")), qPrintable(texts.at(i)));
        QCOMPARE(texts.removeDuplicates(), 0);
        // AND the badge tells working from failed
        QVERIFY(SessionsModel::badgeColor(QStringLiteral("working"))
                != SessionsModel::badgeColor(QStringLiteral("failed")));
    }

    void shouldDrawTheBadgeInTheStatusColour()
    {
        // GIVEN a populated model
        SessionsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.refresh();

        // WHEN the decoration of the working session is drawn
        const QPixmap badge = model.index(0).data(Qt::DecorationRole).value<QPixmap>();

        // THEN its centre is the colour of a connected session
        QVERIFY(!badge.isNull());
        QCOMPARE(badge.toImage().pixelColor(6, 6),
                 SessionsModel::badgeColor(QStringLiteral("working")));
        QCOMPARE(model.index(0).data(SessionsModel::BadgeColorRole).value<QColor>(),
                 SessionsModel::badgeColor(QStringLiteral("working")));
    }

    void shouldListASessionAddedByAnotherConnectionWhenRefreshed()
    {
        // GIVEN a populated model over a cache of its own
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SessionsModel model(&cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.refresh();
        QCOMPARE(model.rowCount(), 1);

        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(0), QItemSelectionModel::ClearAndSelect);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // WHEN another connection adds a session by id and the model refreshes
        {
            QString openError;
            auto db = CacheDatabase::open(cache.path(), CacheDatabase::Mode::ReadWrite, &openError);
            QVERIFY2(db, qPrintable(openError));
            CacheWriter writer(*db);
            QVERIFY2(writer.addSession(QStringLiteral("by-hand")), qPrintable(writer.lastError()));
        }
        model.refresh();

        // THEN it is listed, its status unknown, not connected, inserted without a reset
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        const int row = model.rowOfSession(QStringLiteral("by-hand"));
        QVERIFY(row >= 0);
        const QModelIndex added = model.index(row);
        QVERIFY(!added.data(SessionsModel::ConnectedRole).toBool());
        QCOMPARE(added.data(SessionsModel::StatusTextRole).toString(),
                 SessionsModel::statusText(added.data(SessionsModel::StatusRole).toString()));
        QVERIFY(added.data(SessionsModel::StatusTextRole).toString() != QLatin1String("Connected"));
        QVERIFY(model.rowOfSession(QStringLiteral("demo")) >= 0);
        // AND the selected session is still the selected one (by-hand sorts before it)
        QCOMPARE(selection.currentIndex().data(SessionsModel::SessionIdRole).toString(),
                 QStringLiteral("demo"));
        QCOMPARE(selection.selectedIndexes().size(), 1);
        QCOMPARE(selection.selectedIndexes().first(), selection.currentIndex());
    }

    // The realtime feed's session.status: the badge changes in place, the selection stays.
    void shouldChangeTheRowInPlaceWhenTheStatusChangesLive()
    {
        // GIVEN a populated model over a cache of its own, its session selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SessionsModel model(&cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.refresh();
        QItemSelectionModel selection(&model);
        selection.setCurrentIndex(model.index(0), QItemSelectionModel::ClearAndSelect);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // WHEN the feed says the session stopped, and the model refreshes
        const QString applyError = cache.applyLive(
            {ModelTestCache::statusChanged(QStringLiteral("stopped"))});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        model.refresh();

        // THEN its row changed in place: not connected, still selected, no reset
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), model.index(0));
        QVERIFY(!model.index(0).data(SessionsModel::ConnectedRole).toBool());
        QCOMPARE(model.index(0).data(SessionsModel::StatusRole).toString(),
                 QStringLiteral("stopped"));
        QCOMPARE(selection.currentIndex(), model.index(0));
        QVERIFY(selection.isSelected(model.index(0)));

        // AND a refresh with nothing new changes nothing
        model.refresh();
        QCOMPARE(changed.size(), 1);
    }

    void shouldBeEmptyWhenCleared()
    {
        // GIVEN a populated model
        SessionsModel model(&m_cache.reader());
        QAbstractItemModelTester tester(&model, kMode);
        model.refresh();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // WHEN it is cleared
        model.clear();

        // THEN it has no rows, through one reset
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 1);
        QCOMPARE(model.rowOfSession(QStringLiteral("demo")), -1);
        QVERIFY(!model.sessionAt(0));
    }
};

QTEST_MAIN(TestSessionsModel)
#include "tst_sessionsmodel.moc"
