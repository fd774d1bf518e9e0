// The real window, offscreen, against the gateway simulator over HTTP, the real keychain and a
// real SQLite cache: sign in, pick a session, sync, search, open a contact, see their groups
// with tag and role, block (confirmed) and unblock, and the 501 on a disconnected session.
#include "SimulatorProcess.h"

#include "AppIcon.h"
#include "AuditDialog.h"
#include "ContactDetailPane.h"
#include "ContactGroupsModel.h"
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "GroupMembersModel.h"
#include "GroupsModel.h"
#include "GroupsPane.h"
#include "HttpTestClient.h"
#include "LocalApiDialog.h"
#include "MainWindow.h"
#include "ProfileModels.h"
#include "SessionsModel.h"
#include "SessionsPane.h"
#include "SyncBar.h"
#include "WindowFrontEnd.h"
#include "auth/CredentialStore.h"
#include "auth/ProfileStore.h"
#include "auth/SignInController.h"
#include "cache/AuditLog.h"
#include "cache/BackgroundWriter.h"
#include "cache/CacheDatabase.h"
#include "cache/CacheReader.h"
#include "console/Console.h"
#include "core/RecentMessages.h"
#include "localapi/LocalApiService.h"

#include <QAction>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

namespace {
constexpr int kTimeoutMs = 30000;
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    SimulatorProcess m_sim;
    QTemporaryDir m_dir;
    QString m_profile;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<CredentialStore> m_keychain;
    std::unique_ptr<SignInController> m_signIn;
    std::unique_ptr<Console> m_console;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<WindowFrontEnd> m_frontEnd;

    LocalApiService *localApi() const
    {
        return m_console->services() ? m_console->services()->localApi() : nullptr;
    }

    // The profile's audit log, newest first, once everything queued is written.
    QList<AuditEntry> auditEntries()
    {
        if (!m_console->services() || !m_console->services()->writer()->waitUntilIdle())
            return {};
        QString error;
        std::unique_ptr<CacheDatabase> db = CacheDatabase::open(
            m_console->services()->databasePath(), CacheDatabase::Mode::Read, &error);
        if (!db)
            return {};
        AuditLog log(*db);
        return log.list({}).value_or(QList<AuditEntry>());
    }

    QStringList blocked(const QString &session) const
    {
        QStringList out;
        const QJsonArray data =
            m_sim.control("GET", QStringLiteral("/_sim/sessions/%1/blocked").arg(session))
                .value(QLatin1String("data"))
                .toArray();
        for (const auto &v : data)
            out << v.toString();
        return out;
    }

    // Picks a session and syncs it through the window, waiting for the sync to finish.
    void syncSession(const QString &session)
    {
        SessionsPane *pane = m_window->sessionsPane();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->cache()
                                     && m_window->cache()->sessions()->rowOfSession(session) >= 0,
                                 kTimeoutMs);
        pane->selectSession(session);
        QCOMPARE(pane->currentSession(), session);
        QSignalSpy finished(m_window->syncBar(), &SyncBar::finished);
        QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
        QVERIFY(m_window->syncBar()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
        const auto outcome = finished.at(0).at(0).value<SyncOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(finished.at(0).at(1).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->contactsPane()->model()->rowCount() > 0, kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        RecentMessages::install(); // as main() does, for Copy diagnostics
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("gc-mainwindow-test"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QVERIFY2(m_sim.start({"--seed", "7", "--sessions", "2", "--disconnected", "1", "--contacts",
                              "400", "--groups", "6", "--members", "120", "--api-key",
                              "wa_gui_full=read,send,manage"}),
                 qPrintable(m_sim.errorString()));
        m_profile = "gui-" + QUuid::createUuid().toString(QUuid::Id128).left(8);
        m_store = std::make_unique<ProfileStore>(m_dir.filePath(QStringLiteral("profiles.ini")));
        m_keychain = std::make_unique<CredentialStore>();
        m_signIn = std::make_unique<SignInController>(m_store.get(), m_keychain.get());
        Console::Options options;
        options.services.localApiPort = 0;
        options.services.discoveryFilePath = m_dir.filePath(QStringLiteral("run/local-api.json"));
        m_console = std::make_unique<Console>(options, m_signIn.get());
        m_window = std::make_unique<MainWindow>();
        m_frontEnd = std::make_unique<WindowFrontEnd>(m_console.get(), m_window.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        GatewayProfile p;
        p.name = m_profile;
        p.baseUrl = m_sim.url();
        p.tokenKind = TokenKind::ApiKey;
        std::optional<SignInOutcome> result;
        m_signIn->signIn(p, QStringLiteral("wa_gui_full"), this,
                         [&](const SignInOutcome &o) { result = o; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs);
        QVERIFY2(result->ok, qPrintable(result->problem));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->cache() && m_window->cache()->profile() == m_profile,
                                 kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->cache()->sessions()->rowCount() >= 2, kTimeoutMs);
    }

    void cleanupTestCase()
    {
        if (m_signIn && m_signIn->isSignedIn()) {
            std::optional<SignInOutcome> result;
            m_signIn->signOut(false, this, [&](const SignInOutcome &o) { result = o; });
            QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kTimeoutMs);
        }
        m_frontEnd.reset();
        m_window.reset();
        m_console.reset();
        m_signIn.reset();
    }

    void sessionsShowStatus()
    {
        SessionsModel *model = m_window->cache()->sessions();
        const int working = model->rowOfSession(m_sim.workingSession().id);
        const int down = model->rowOfSession(m_sim.disconnectedSession().id);
        QVERIFY(working >= 0 && down >= 0);
        QVERIFY(model->index(working).data(SessionsModel::ConnectedRole).toBool());
        QVERIFY(!model->index(down).data(SessionsModel::ConnectedRole).toBool());
        QVERIFY(model->index(down)
                    .data(SessionsModel::StatusTextRole)
                    .toString()
                    .contains(QLatin1String("not connected")));
    }

    void syncSearchOpenBlockUnblock()
    {
        const QString session = m_sim.workingSession().id;
        syncSession(session);
        ContactsPane *contacts = m_window->contactsPane();
        QVERIFY(contacts->countLabel()->text().contains(QLatin1String(" of ")));

        // A contact that is in a group: the first member of the first group.
        m_window->tabs()->setCurrentWidget(m_window->groupsPane());
        QTableView *groups = m_window->groupsPane()->groupsView();
        QTRY_VERIFY_WITH_TIMEOUT(groups->model()->rowCount() > 0, kTimeoutMs);
        groups->setCurrentIndex(groups->model()->index(0, 0));
        QTableView *members = m_window->groupsPane()->membersView();
        QTRY_VERIFY_WITH_TIMEOUT(members->model()->rowCount() > 0, kTimeoutMs);
        const QString lid =
            members->model()->index(0, 0).data(GroupMembersModel::LidRole).toString();
        QVERIFY(lid.endsWith(QLatin1String("@lid")));
        QCOMPARE(members->model()->index(0, GroupMembersModel::Role).data().toString(),
                 QStringLiteral("Owner"));

        // Type the LID into the search box (Ctrl+F focuses it) and open the only row.
        m_window->tabs()->setCurrentWidget(contacts);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(contacts->searchBox()->hasFocus());
        QTest::keyClicks(contacts->searchBox(), lid.left(lid.indexOf(QLatin1Char('@'))));
        QTRY_VERIFY_WITH_TIMEOUT(contacts->model()->filter().text
                                     == lid.left(lid.indexOf(QLatin1Char('@'))),
                                 kTimeoutMs);
        QCOMPARE(contacts->model()->rowCount(), 1);
        QTableView *view = contacts->view();
        const QRect cell = view->visualRect(contacts->model()->index(0, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        ContactDetailPane *detail = m_window->detailPane();
        QTRY_COMPARE_WITH_TIMEOUT(detail->lid(), lid, kTimeoutMs);

        // Their groups with tag and role (the live getContact answers too).
        ContactGroupsModel *cg = detail->groupsModel();
        QTRY_VERIFY_WITH_TIMEOUT(cg->rowCount() > 0, kTimeoutMs);
        bool owner = false;
        for (int r = 0; r < cg->rowCount(); ++r)
            owner = owner
                || cg->index(r, ContactGroupsModel::Role).data().toString()
                    == QLatin1String("Owner");
        QVERIFY(owner);
        QTRY_VERIFY_WITH_TIMEOUT(detail->findChild<QLabel *>(QStringLiteral("detailFreshness"))
                                     ->text()
                                     .contains(QLatin1String("live")),
                                 kTimeoutMs);

        // Block asks first; confirming blocks on the simulator.
        QTest::mouseClick(detail->blockButton(), Qt::LeftButton);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (confirm = m_window->findChild<QMessageBox *>(QStringLiteral("blockConfirmation"))),
            kTimeoutMs);
        QAbstractButton *yes = nullptr;
        for (QAbstractButton *b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::DestructiveRole)
                yes = b;
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(detail->resultLabel()->text(), QStringLiteral("Blocked."),
                                  kTimeoutMs);
        QVERIFY(blocked(session).contains(lid));

        // Unblock: busy while in flight, then a result nobody can miss, and the simulator agrees.
        QTest::mouseClick(detail->unblockButton(), Qt::LeftButton);
        QVERIFY(!detail->unblockButton()->isEnabled()); // busy
        QTRY_COMPARE_WITH_TIMEOUT(detail->resultLabel()->text(), QStringLiteral("Unblocked."),
                                  kTimeoutMs);
        QVERIFY(detail->resultLabel()->isVisible());
        QVERIFY(detail->unblockButton()->isEnabled());
        QVERIFY(!blocked(session).contains(lid));

        // Both actions are in the audit log, with request ids, from the console.
        const QList<AuditEntry> entries = auditEntries();
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries.at(0).action, QStringLiteral("unblock"));
        QCOMPARE(entries.at(0).result, QStringLiteral("ok"));
        QCOMPARE(entries.at(0).contact, lid);
        QCOMPARE(entries.at(0).profile, m_profile);
        QVERIFY(!entries.at(0).requestId.isEmpty());
        QCOMPARE(entries.at(1).action, QStringLiteral("block"));
        AuditDialog dialog(m_window->cache()->audit(), m_window.get());
        QVERIFY(dialog.view()->model()->rowCount() >= 2);
        const QString auditCsv = m_dir.filePath(QStringLiteral("audit.csv"));
        QVERIFY(dialog.exportTo(auditCsv));
        QFile audit(auditCsv);
        QVERIFY(audit.open(QIODevice::ReadOnly));
        QVERIFY(audit.readAll().contains(lid.toUtf8()));

        // Double-clicking a group in the detail goes to the Groups tab on it.
        QTableView *detailGroups = detail->groupsView();
        const QModelIndex g0 = detailGroups->model()->index(0, 0);
        const QString gid = g0.data(ContactGroupsModel::GroupJidRole).toString();
        QTest::mouseClick(detailGroups->viewport(), Qt::LeftButton, {},
                          detailGroups->visualRect(g0).center());
        QTest::mouseDClick(detailGroups->viewport(), Qt::LeftButton, {},
                           detailGroups->visualRect(g0).center());
        QTRY_COMPARE(m_window->tabs()->currentWidget(),
                     static_cast<QWidget *>(m_window->groupsPane()));
        QCOMPARE(m_window->groupsPane()->currentGroup(), gid);

        // Export of the contacts view streams every row of the filter.
        m_window->tabs()->setCurrentWidget(contacts);
        const QString csv = m_dir.filePath(QStringLiteral("contacts.csv"));
        QString error;
        QVERIFY2(m_window->exportCurrentView(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 2); // header + the one row
    }

    void disconnectedSessionSays501()
    {
        // The gateway answers 501 for any contact of a session that is not connected.
        const QString lid = QStringLiteral("205227043110953@lid");
        const QString session = m_sim.disconnectedSession().id;
        m_window->sessionsPane()->selectSession(session);
        QCOMPARE(m_window->sessionsPane()->currentSession(), session);
        m_window->showContact(lid);
        ContactDetailPane *detail = m_window->detailPane();
        QCOMPARE(detail->sessionId(), session);
        QCOMPARE(detail->lid(), lid);
        QVERIFY(detail->resultLabel()->text().isEmpty());
        QTest::mouseClick(detail->unblockButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            detail->resultLabel()->text().contains(QLatin1String("not connected")),
            qPrintable(detail->resultLabel()->text()), kTimeoutMs);
        const QList<AuditEntry> entries = auditEntries();
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.at(0).result, QStringLiteral("not_implemented"));
        QCOMPARE(entries.at(0).sessionId, session);
    }

    void ctrlFFocusesTheSearchBox()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->sessionsPane()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->contactsPane()->searchBox()->hasFocus());
    }

    // A slow gateway (every answer 300 ms late): Cancel in the status bar stops the sync,
    // which then says it was cancelled; the rows already cached stay.
    void syncCancelStopsTheSync()
    {
        const int rowsBefore = m_window->contactsPane()->model()->rowCount();
        QVERIFY(m_sim.setFaults(QJsonObject{{QStringLiteral("latencyMs"), 300}}));
        m_window->sessionsPane()->selectSession(m_sim.workingSession().id);
        QSignalSpy finished(m_window->syncBar(), &SyncBar::finished);
        m_window->syncNow();
        QVERIFY(m_window->syncBar()->isRunning());
        QVERIFY(m_window->syncBar()->cancelButton()->isVisible());
        QTest::mouseClick(m_window->syncBar()->cancelButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
        QVERIFY(m_sim.clearFaults());
        const auto outcome = finished.at(0).at(0).value<SyncOutcome>();
        QCOMPARE(int(outcome.status), int(SyncOutcome::Status::Cancelled));
        QVERIFY(!m_window->syncBar()->isRunning());
        QCOMPARE(m_window->contactsPane()->model()->rowCount() >= rowsBefore, true);
    }

    // Column widths, sort order and splitters survive a restart of the window.
    void shouldShowASyncThatALocalAppStarted()
    {
        // GIVEN the window on a session, and its local API listening
        const QString session = m_sim.workingSession().id;
        m_window->sessionsPane()->selectSession(session);
        QTRY_VERIFY_WITH_TIMEOUT(localApi() && localApi()->isListening(), kTimeoutMs);
        QVERIFY(!m_window->syncBar()->isRunning());
        QSignalSpy finished(m_window->syncBar(), &SyncBar::finished);
        const quint16 port = quint16(localApi()->url().port());

        // WHEN a local app asks the local API for a sync of it
        const QByteArray target = "/api/v1/console/sessions/" + session.toUtf8() + "/sync";
        const HttpReply reply = roundTrip(
            port, httpRequest("POST", target, port, localApi()->token()), kTimeoutMs);

        // THEN the window shows that sync, with its progress and Cancel, until it ends
        QCOMPARE(reply.status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncBar()->isRunning() || finished.count() > 0,
                                 kTimeoutMs);
        if (finished.isEmpty()) {
            QVERIFY(m_window->syncBar()->cancelButton()->isVisible());
            auto *button = m_window->sessionsPane()->findChild<QPushButton *>(
                QStringLiteral("syncButton"));
            QVERIFY(button && !button->isEnabled());
        }
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        QVERIFY2(finished.first().first().value<SyncOutcome>().ok(),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(!m_window->syncBar()->cancelButton()->isVisible());
    }

    void layoutIsRememberedAcrossStarts()
    {
        QHeaderView *header = m_window->contactsPane()->view()->horizontalHeader();
        header->resizeSection(ContactsModel::Phone, 211);
        m_window->contactsPane()->view()->sortByColumn(ContactsModel::Lid, Qt::DescendingOrder);
        QCOMPARE(m_window->contactsPane()->model()->filter().sort, ContactSort::Lid);
        m_window->close(); // saves
        m_window->show();
        MainWindow second;
        QHeaderView *restored = second.contactsPane()->view()->horizontalHeader();
        QCOMPARE(restored->sectionSize(ContactsModel::Phone), 211);
        QCOMPARE(restored->sortIndicatorSection(), int(ContactsModel::Lid));
        QCOMPARE(int(restored->sortIndicatorOrder()), int(Qt::DescendingOrder));
        QCOMPARE(second.size(), m_window->size());
    }

    // The local API runs for the signed-in profile; the dialog shows its address and a masked
    // token, copies it, and regenerates it: from then on the old token is refused.
    void localApiDialogShowsCopiesAndRegeneratesTheToken()
    {
        QTRY_VERIFY_WITH_TIMEOUT(localApi() && localApi()->isListening(), kTimeoutMs);
        LocalApiService *service = localApi();
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("localApiStatus"));
        QVERIFY(status);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(service->url().toString()), kTimeoutMs);

        m_window->openLocalApi();
        auto *dialog = m_window->findChild<LocalApiDialog *>(QStringLiteral("localApiDialog"));
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->addressLabel()->text(), service->url().toString());
        QCOMPARE(dialog->tokenField()->echoMode(), QLineEdit::Password); // masked until asked
        dialog->showButton()->click();
        QCOMPARE(dialog->tokenField()->echoMode(), QLineEdit::Normal);
        const QByteArray oldToken = service->token();
        QCOMPARE(dialog->tokenField()->text().toLatin1(), oldToken);
        dialog->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text().toLatin1(), oldToken);

        QSignalSpy listening(service, &LocalApiService::listening);
        dialog->regenerateButton()->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (confirm = dialog->findChild<QMessageBox *>(QStringLiteral("regenerateConfirmation"))),
            kTimeoutMs);
        for (QAbstractButton *b : confirm->buttons())
            if (confirm->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        QTRY_VERIFY_WITH_TIMEOUT(listening.size() >= 1, kTimeoutMs);
        const QByteArray newToken = service->token();
        QVERIFY(newToken != oldToken);
        QCOMPARE(dialog->tokenField()->text().toLatin1(), newToken);
        const quint16 port = quint16(service->url().port());
        QCOMPARE(roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, oldToken)).status,
                 401);
        QCOMPARE(roundTrip(port, httpRequest("GET", "/api/v1/sessions", port, newToken)).status,
                 200);
        dialog->close();
        m_window->activateWindow(); // the window's shortcuts again, for whatever runs next
    }

    // Runs last: the gateway goes away. A sync then fails, the status bar says the console is
    // offline, and the cache keeps serving rows and searches.
    // Help > Copy diagnostics: the clipboard gets versions, the profile, the gateway, the local
    // API's address and the last warnings, and neither the gateway's nor the local API's token.
    void copyDiagnosticsCarriesNoToken()
    {
        QTRY_VERIFY_WITH_TIMEOUT(localApi() && localApi()->url().isValid(), kTimeoutMs);
        qWarning("diagnostics marker: sync failed with 503");
        auto *action = m_window->findChild<QAction *>(QStringLiteral("copyDiagnostics"));
        QVERIFY(action);
        QGuiApplication::clipboard()->clear();
        action->trigger();
        const QString text = QGuiApplication::clipboard()->text();
        QVERIFY2(text.contains(QLatin1String("Profile: ") + m_profile), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Gateway: ") + m_sim.url().toString()));
        QVERIFY(text.contains(QLatin1String("Local API: ") + localApi()->url().toString()));
        QVERIFY(text.contains(QLatin1String("diagnostics marker: sync failed with 503")));
        QVERIFY(!text.contains(QLatin1String("wa_gui_full")));
        QVERIFY(!localApi()->token().isEmpty());
        QVERIFY(!text.contains(QString::fromLatin1(localApi()->token())));
    }

    // Right-click on a contact row: the Contact menu pops up for that contact and "Copy LID"
    // puts its LID on the clipboard; Ctrl+Shift+P copies the phone without the menu.
    void contextMenuCopiesLidAndPhone()
    {
        ContactsPane *contacts = m_window->contactsPane();
        m_window->tabs()->setCurrentWidget(contacts);
        contacts->searchBox()->clear();
        QTRY_VERIFY_WITH_TIMEOUT(contacts->model()->filter().text.isEmpty()
                                     && contacts->model()->rowCount() > 3,
                                 kTimeoutMs);
        QTableView *view = contacts->view();
        QModelIndex index;
        for (int row = 0; row < contacts->model()->rowCount() && !index.isValid(); ++row) {
            const QModelIndex candidate = contacts->model()->index(row, 0);
            if (!candidate.data(ContactsModel::PhoneRole).toString().isEmpty() && row > 0)
                index = candidate;
        }
        QVERIFY(index.isValid());
        const QString lid = index.data(ContactsModel::LidRole).toString();
        view->scrollTo(index);
        Q_EMIT view->customContextMenuRequested(
            view->visualRect(index).center()); // what a right-click sends
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->detailPane()->lid(), lid, kTimeoutMs);
        QAction *copyLid = nullptr;
        for (QAction *a : menu->actions())
            if (a->text() == tr("Copy &LID"))
                copyLid = a;
        QVERIFY(copyLid);
        QGuiApplication::clipboard()->clear();
        copyLid->trigger();
        menu->close();
        QCOMPARE(QGuiApplication::clipboard()->text(), lid);

        QTRY_VERIFY(!m_window->detailPane()->phone().isEmpty());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), m_window->detailPane()->phone());
    }

    // The icon every window gets (main.cpp sets it for the application): all sizes load.
    void applicationIconHasEverySize()
    {
        const QIcon icon = appIcon();
        QCOMPARE(icon.availableSizes().size(), 7);
        for (int size : {16, 48, 256})
            QVERIFY2(!icon.pixmap(size, size).isNull(), qPrintable(QString::number(size)));
        QCOMPARE(icon.pixmap(256, 256).size(), QSize(256, 256));
    }

    void offlineWhenTheGatewayIsDown()
    {
        m_sim.stop();
        m_window->sessionsPane()->selectSession(m_sim.workingSession().id);
        QSignalSpy finished(m_window->syncBar(), &SyncBar::finished);
        m_window->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(!finished.at(0).at(0).value<SyncOutcome>().ok());
        QTRY_VERIFY_WITH_TIMEOUT(m_window->syncBar()->offlineLabel()->isVisible(), kTimeoutMs);
        ContactsPane *contacts = m_window->contactsPane();
        QTRY_VERIFY(contacts->model()->rowCount() > 0);
        contacts->searchBox()->setText(
            contacts->model()->index(0, ContactsModel::Lid).data().toString());
        Q_EMIT contacts->searchBox()->returnPressed();
        QTRY_COMPARE(contacts->model()->rowCount(), 1);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
