// The panes over models that the realtime feed changes: offscreen views keep their selection
// and scroll position, and say nothing new, while the rows change in place.
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "ModelTestCache.h"
#include "SessionsModel.h"
#include "SessionsPane.h"

#include <QAbstractItemModelTester>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

class TestLivePanes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldKeepTheSelectedContactAndTheScrollWhenRowsChangeLive()
    {
        // GIVEN the contacts pane over a cache of its own, scrolled down, row 160 selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ContactsModel model(&cache.reader());
        model.setPageSize(100);
        QAbstractItemModelTester tester(&model, ModelTestCache::kTesterMode);
        ContactsPane pane;
        pane.resize(900, 500);
        pane.setModel(&model);
        pane.setSession(cache.sessionId());
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QTableView *view = pane.view();
        view->scrollTo(model.index(150, 0), QAbstractItemView::PositionAtTop);
        view->setCurrentIndex(model.index(160, 0));
        const QString selected = pane.currentLid();
        QCOMPARE(model.index(160, ContactsModel::Lid).data().toString(), selected);
        const int scroll = view->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        const QString moving = model.index(155, ContactsModel::Lid).data().toString();
        const QString target = model.index(170, ContactsModel::Name).data().toString();
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy contactChanged(&pane, &ContactsPane::currentContactChanged);

        // WHEN the feed renames the selected contact (same place) and moves another past it,
        // and the model refreshes
        const QString applyError = cache.applyLive(
            {ModelTestCache::renamed(
                 selected, model.index(160, ContactsModel::Name).data().toString().toUpper()),
             ModelTestCache::renamed(moving, target + QStringLiteral(" zz"))});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        model.refresh(); // its signals move the view's selection at once

        // THEN the same contact is selected (one row up now), the view did not scroll, and the
        // pane reported no other contact
        QCOMPARE(resets.size(), 0);
        QCOMPARE(view->currentIndex().data(ContactsModel::LidRole).toString(), selected);
        QCOMPARE(view->currentIndex().row(), 159);
        QVERIFY(view->selectionModel()->isRowSelected(159, {}));
        QCOMPARE(pane.currentLid(), selected);
        QCOMPARE(contactChanged.size(), 0);
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
        QCOMPARE(model.index(170, ContactsModel::Lid).data().toString(), moving);
    }

    void shouldKeepTheSelectedSessionWhenItsStatusChangesLive()
    {
        // GIVEN the sessions pane over a cache of its own, its session selected
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SessionsModel model(&cache.reader());
        QAbstractItemModelTester tester(&model, ModelTestCache::kTesterMode);
        model.refresh();
        SessionsPane pane;
        pane.setModel(&model);
        pane.show();
        QCOMPARE(pane.currentSession(), cache.sessionId());
        QVERIFY(pane.currentConnected());
        QSignalSpy sessionChanged(&pane, &SessionsPane::sessionChanged);

        // WHEN the feed says it stopped and the model refreshes
        const QString applyError = cache.applyLive(
            {ModelTestCache::statusChanged(QStringLiteral("stopped"))});
        QVERIFY2(applyError.isEmpty(), qPrintable(applyError));
        model.refresh();

        // THEN the same session is selected, now not connected, and no change was reported
        QCOMPARE(pane.currentSession(), cache.sessionId());
        QVERIFY(!pane.currentConnected());
        QVERIFY(pane.view()->selectionModel()->isSelected(model.index(0)));
        QCOMPARE(sessionChanged.size(), 0);
    }

    void shouldSelectTheFirstSessionWhenSessionsArriveInAnEmptyList()
    {
        // GIVEN the sessions pane over an empty model
        ModelTestCache cache;
        const QString error = cache.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        SessionsModel model(&cache.reader());
        SessionsPane pane;
        pane.setModel(&model);
        QSignalSpy sessionChanged(&pane, &SessionsPane::sessionChanged);

        // WHEN the model reads the cache
        model.refresh();

        // THEN its session is selected
        QCOMPARE(pane.currentSession(), cache.sessionId());
        QCOMPARE(sessionChanged.size(), 1);
    }
};

QTEST_MAIN(TestLivePanes)
#include "tst_livepanes.moc"
