#include "MainWindow.h"

#include "AuditDialog.h"
#include "ContactActions.h"
#include "ContactDetailPane.h"
#include "ContactsModel.h"
#include "ContactsPane.h"
#include "CsvExport.h"
#include "DataVersionWatcher.h"
#include "DisplayText.h"
#include "FreshnessLabel.h"
#include "GroupsModel.h"
#include "GroupsPane.h"
#include "LocalApiDialog.h"
#include "ProfileModels.h"
#include "SessionsModel.h"
#include "SessionsPane.h"
#include "SyncBar.h"
#include "auth/SignInController.h"
#include "cache/CacheReader.h"
#include "console/ProfileServices.h"
#include "core/AppInfo.h"
#include "core/DiagnosticsReport.h"
#include "localapi/LocalApiService.h"
#include "signin/ProfilesMenu.h"
#include "signin/SignInStatus.h"
#include "sync/SyncService.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(AppInfo::displayName());
    m_sessions = new SessionsPane(this);
    m_contacts = new ContactsPane(this);
    m_groups = new GroupsPane(this);
    m_detail = new ContactDetailPane(this);
    m_actions = new ContactActions(this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Contacts and groups"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_contacts, tr("&Contacts"));
    m_tabs->addTab(m_groups, tr("&Groups"));

    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->setObjectName(QStringLiteral("mainSplitter"));
    m_split->addWidget(m_sessions);
    m_split->addWidget(m_tabs);
    m_split->addWidget(m_detail);
    m_split->setStretchFactor(1, 1);
    m_split->setSizes({220, 760, 460});
    m_split->setChildrenCollapsible(false);
    setCentralWidget(m_split);
    setTabOrder(m_sessions->view(), m_contacts->searchBox());

    connect(m_sessions, &SessionsPane::sessionChanged, this, &MainWindow::onSessionChanged);
    connect(m_sessions, &SessionsPane::syncRequested, this, &MainWindow::syncNow);
    connect(m_contacts, &ContactsPane::currentContactChanged, this, &MainWindow::showContact);
    connect(m_contacts, &ContactsPane::contactActivated, this, &MainWindow::showContact);
    connect(m_groups, &GroupsPane::contactActivated, this, &MainWindow::showContact);
    connect(m_detail, &ContactDetailPane::groupActivated, this, &MainWindow::showGroup);
    connect(m_detail, &ContactDetailPane::unblockRequested, this,
            [this] { m_actions->unblock(m_detail->sessionId(), m_detail->lid()); });
    connect(m_detail, &ContactDetailPane::blockRequested, this, [this] {
        m_actions->block(m_detail->sessionId(), m_detail->lid(), m_detail->displayName());
    });
    connect(m_actions, &ContactActions::busyChanged, m_detail, &ContactDetailPane::setBusy);
    connect(m_actions, &ContactActions::finished, this, [this](bool ok, const QString &message) {
        m_detail->showResult(ok, message);
        statusBar()->showMessage(message, 15000);
    });

    m_freshness = new FreshnessLabel(this);
    statusBar()->addPermanentWidget(m_freshness);
    m_syncBar = new SyncBar(this);
    statusBar()->addPermanentWidget(m_syncBar);
    connect(m_syncBar, &SyncBar::finished, this, &MainWindow::onSyncFinished);
    m_localApiStatus = new QLabel(this);
    m_localApiStatus->setObjectName(QStringLiteral("localApiStatus"));
    m_localApiStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_localApiStatus->setAccessibleName(tr("Local API address"));
    statusBar()->addPermanentWidget(m_localApiStatus);

    createActions();
    resize(1380, 820);
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // Views let go of the models before the cache (and its connections) goes.
    detach();
}

void MainWindow::createActions()
{
    QMenu *contact = menuBar()->addMenu(tr("&Contact"));
    auto add = [this, contact](const QString &text, const QKeySequence &keys, auto slot) {
        QAction *a = contact->addAction(text);
        a->setShortcut(keys);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    add(tr("&Find"), QKeySequence::Find, [this] {
        m_tabs->setCurrentWidget(m_contacts);
        m_contacts->focusSearch();
    });
    add(tr("&Sync now"), QKeySequence(Qt::CTRL | Qt::Key_R), [this] { syncNow(); });
    contact->addSeparator();
    add(tr("Open &detail"), QKeySequence(Qt::CTRL | Qt::Key_D), [this] {
        showContact(m_contacts->currentLid());
        m_detail->unblockButton()->setFocus();
    });
    add(tr("Copy &LID"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
        [this] { copy(m_detail->lid()); });
    add(tr("Copy &phone"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        [this] { copy(m_detail->phone()); });
    add(tr("Copy phone &JID"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
        [this] { copy(m_detail->phoneJid()); });
    contact->addSeparator();
    m_unblockAction = add(tr("&Unblock"), QKeySequence(Qt::CTRL | Qt::Key_U),
                          [this] { m_actions->unblock(m_detail->sessionId(), m_detail->lid()); });
    m_blockAction = add(tr("&Block…"), QKeySequence(), [this] {
        m_actions->block(m_detail->sessionId(), m_detail->lid(), m_detail->displayName());
    });
    contact->addSeparator();
    add(tr("&Export view to CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), [this] { askExport(); });
    add(tr("&Audit log…"), QKeySequence(), [this] { openAuditLog(); });
    // Enabled while the profile's services serve one: the window shows it, it does not run it.
    m_localApiAction = add(tr("&Local API…"), QKeySequence(), [this] { openLocalApi(); });
    m_localApiAction->setEnabled(false);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *diagnostics = help->addAction(tr("Copy &diagnostics"));
    diagnostics->setObjectName(QStringLiteral("copyDiagnostics"));
    connect(diagnostics, &QAction::triggered, this, &MainWindow::copyDiagnostics);
    QAction *about = help->addAction(tr("&About Gateway Console"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Gateway Console"),
                           tr("<b>Gateway Console %1</b><p>Admin console for a multi-tenant "
                              "WhatsApp gateway.</p><p>Qt %2</p>")
                               .arg(AppInfo::version(), QString::fromLatin1(qVersion())));
    });

    connect(m_contacts, &ContactsPane::contextMenuRequested, this,
            [this, contact](const QPoint &pos) {
                showContact(m_contacts->currentLid());
                contact->popup(pos);
            });
}

QString MainWindow::diagnostics() const
{
    DiagnosticsReport report;
    if (m_cache) {
        report.addFact(QStringLiteral("Profile"), m_cache->profile());
        const QFileInfo file(m_cache->path());
        report.addFact(QStringLiteral("Cache"),
                       QStringLiteral("%1 (%2 bytes)").arg(file.filePath()).arg(file.size()));
    } else {
        report.addFact(QStringLiteral("Profile"), QStringLiteral("(none open)"));
    }
    if (m_signIn) {
        if (const auto profile = m_signIn->profile())
            report.addFact(
                QStringLiteral("Gateway"),
                profile->baseUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString());
    }
    report.addFact(QStringLiteral("Session"), m_sessions->currentSession());
    if (LocalApiService *api = m_services ? m_services->localApi() : nullptr)
        report.addFact(QStringLiteral("Local API"), api->url().toString());
    const QSettings settings;
    report.setSettings(&settings);
    return report.text();
}

void MainWindow::copyDiagnostics()
{
    QGuiApplication::clipboard()->setText(diagnostics());
    statusBar()->showMessage(tr("Diagnostics copied to the clipboard (no tokens included)."),
                             10000);
}

void MainWindow::setSignInController(SignInController *controller)
{
    m_signIn = controller;
    menuBar()->insertMenu(menuBar()->actions().value(0), new ProfilesMenu(controller, this));
    statusBar()->insertPermanentWidget(0, new SignInStatus(controller, this));
}

void MainWindow::openLocalApi()
{
    LocalApiService *api = m_services ? m_services->localApi() : nullptr;
    if (!api)
        return;
    if (!m_localApiDialog)
        m_localApiDialog = new LocalApiDialog(api, this);
    m_localApiDialog->show();
    m_localApiDialog->raise();
    m_localApiDialog->activateWindow();
}

void MainWindow::attach(ProfileModels *cache, ProfileServices *services)
{
    detach();
    if (!cache)
        return;
    m_cache = cache;
    m_sessions->setProfile(cache->profile());
    m_detail->setModel(cache->detail());
    m_contacts->setModel(cache->contacts());
    m_groups->setModels(cache->groups(), cache->members());
    m_sessions->setModel(cache->sessions());
    connect(cache, &ProfileModels::refreshed, this, &MainWindow::updateSyncState);
    attachServices(services);
    if (m_sessions->currentSession().isEmpty() && cache->sessions()->rowCount() > 0)
        m_sessions->selectSession(
            cache->sessions()->index(0).data(SessionsModel::SessionIdRole).toString());
    else
        onSessionChanged(m_sessions->currentSession());
}

void MainWindow::attachServices(ProfileServices *services)
{
    m_services = services;
    m_syncBar->setService(services ? services->sync() : nullptr);
    m_syncBar->setReachability(services ? services->reachability() : nullptr);
    m_freshness->setServices(services);
    m_actions->setService(services ? services->contactActions() : nullptr,
                          services ? services->client() : nullptr);
    m_cache->detail()->setClient(services ? services->client() : nullptr);
    LocalApiService *api = services ? services->localApi() : nullptr;
    m_localApiAction->setEnabled(api != nullptr);
    m_localApiStatus->clear();
    if (m_localApiDialog)
        m_localApiDialog->setService(api);
    if (!api)
        return;
    if (api->isListening())
        m_localApiStatus->setText(tr("Local API: %1").arg(api->url().toString()));
    connect(api, &LocalApiService::listening, m_localApiStatus, [this](const QUrl &url) {
        m_localApiStatus->setText(tr("Local API: %1").arg(url.toString()));
    });
    connect(api, &LocalApiService::failed, m_localApiStatus, [this](const QString &reason) {
        m_localApiStatus->setText(tr("Local API off: %1").arg(reason));
    });
    // A sync started elsewhere (the local API) shows here like one started by the button.
    connect(services->sync(), &SyncService::started, this, [this] {
        m_sessions->setSyncEnabled(false);
        updateSyncState();
    });
}

void MainWindow::detach()
{
    if (!m_cache)
        return;
    if (m_services) {
        m_services->sync()->disconnect(this);
        if (LocalApiService *api = m_services->localApi())
            api->disconnect(m_localApiStatus);
    }
    m_syncBar->setService(nullptr);
    m_syncBar->setReachability(nullptr);
    m_freshness->setServices(nullptr);
    m_actions->setService(nullptr, nullptr);
    m_localApiAction->setEnabled(false);
    m_localApiStatus->clear();
    if (m_localApiDialog)
        m_localApiDialog->setService(nullptr);
    m_cache->disconnect(this);
    m_detail->setModel(nullptr);
    m_contacts->setModel(nullptr);
    m_groups->setModels(nullptr, nullptr);
    m_sessions->setModel(nullptr);
    m_sessions->setProfile(QString());
    m_sessions->setSyncEnabled(true);
    m_services = nullptr;
    m_cache = nullptr;
}

void MainWindow::onSessionChanged(const QString &sessionId)
{
    if (!m_cache)
        return;
    m_detail->clear();
    m_cache->groups()->setSession(sessionId);
    QList<QPair<QString, QString>> groups;
    const GroupsModel *g = m_cache->groups();
    for (int row = 0; row < g->rowCount(); ++row) {
        const auto group = g->groupAt(row);
        groups.append({group->group.groupJid, group->group.subject.value_or(QString())});
    }
    m_contacts->setGroups(groups);
    m_contacts->setSession(sessionId);
    updateSyncState();
}

void MainWindow::updateSyncState()
{
    if (!m_cache)
        return;
    const QString session = m_sessions->currentSession();
    if (session.isEmpty()) {
        m_sessions->setSyncText(tr("No session selected."));
        return;
    }
    if (m_syncBar->isRunning()) {
        m_sessions->setSyncText(tr("Syncing…"));
        return;
    }
    const OptInt last = m_cache->sessions()->lastCompleteSyncAt(session);
    m_sessions->setSyncText(
        last ? tr("Last complete sync %1.")
                   .arg(DisplayText::ago(*last, QDateTime::currentMSecsSinceEpoch()))
             : tr("Never synced completely."));
}

void MainWindow::syncNow()
{
    if (!m_cache)
        return;
    QString reason = tr("sign in first");
    if (!m_services || !m_services->startSync(m_sessions->currentSession(), &reason)) {
        statusBar()->showMessage(tr("Sync not started: %1.").arg(reason), 8000);
        return;
    }
    // SyncService::started has disabled the button and said "Syncing…".
}

void MainWindow::onSyncFinished(const SyncOutcome &, const QString &message)
{
    m_sessions->setSyncEnabled(true);
    statusBar()->showMessage(message, 10000);
    if (m_cache) {
        m_cache->watcher()->check(); // refresh now rather than on the next poll
        updateSyncState();
    }
}

void MainWindow::showContact(const QString &lid)
{
    if (!m_cache || lid.isEmpty())
        return;
    m_detail->showContact(m_sessions->currentSession(), lid);
}

void MainWindow::showGroup(const QString &groupJid)
{
    m_tabs->setCurrentWidget(m_groups);
    m_groups->selectGroup(groupJid);
}

void MainWindow::copy(const QString &text)
{
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

bool MainWindow::exportCurrentView(const QString &path, QString *error)
{
    if (!m_cache) {
        if (error)
            *error = tr("No profile is open.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    const qint64 rows = m_tabs->currentWidget() == m_groups
        ? CsvExport::writeModel(*m_cache->groups(), &file, error)
        : CsvExport::writeContacts(*m_cache->reader(), m_cache->contacts()->filter(), &file, error);
    return rows >= 0 && file.commit();
}

void MainWindow::askExport()
{
    auto *dialog = new QFileDialog(this, tr("Export to CSV"), QString(), tr("CSV (*.csv)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (exportCurrentView(path, &error))
            statusBar()->showMessage(tr("Exported to %1").arg(path), 8000);
        else
            QMessageBox::warning(this, tr("Export failed"), tr("Not exported: %1").arg(error));
    });
    dialog->open();
}

void MainWindow::openAuditLog()
{
    if (!m_cache)
        return;
    auto *dialog = new AuditDialog(m_cache->audit(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("mainWindow"));
    restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray());
    m_split->restoreState(s.value(QStringLiteral("splitter")).toByteArray());
    m_groups->splitter()->restoreState(s.value(QStringLiteral("groupsSplitter")).toByteArray());
    m_contacts->view()->horizontalHeader()->restoreState(
        s.value(QStringLiteral("contactsHeader")).toByteArray());
    m_groups->groupsView()->horizontalHeader()->restoreState(
        s.value(QStringLiteral("groupsHeader")).toByteArray());
    m_groups->membersView()->horizontalHeader()->restoreState(
        s.value(QStringLiteral("membersHeader")).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("mainWindow"));
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("splitter"), m_split->saveState());
    s.setValue(QStringLiteral("groupsSplitter"), m_groups->splitter()->saveState());
    s.setValue(QStringLiteral("contactsHeader"),
               m_contacts->view()->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("groupsHeader"),
               m_groups->groupsView()->horizontalHeader()->saveState());
    s.setValue(QStringLiteral("membersHeader"),
               m_groups->membersView()->horizontalHeader()->saveState());
}
