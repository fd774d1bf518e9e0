#include "WindowFrontEnd.h"

#include "MainWindow.h"
#include "ProfileCache.h"
#include "ProfileModels.h"
#include "console/Console.h"
#include "console/LiveService.h"

#include <QStatusBar>

WindowFrontEnd::WindowFrontEnd(Console *console, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_console(console)
    , m_window(window)
{
    window->setSignInController(console->signIn());
    connect(console, &Console::profileOpened, this, &WindowFrontEnd::open);
    connect(console, &Console::profileClosing, this, &WindowFrontEnd::close);
    if (console->services())
        open(console->services());
}

WindowFrontEnd::~WindowFrontEnd()
{
    close();
}

void WindowFrontEnd::open(ProfileServices *services)
{
    close();
    QString error;
    m_cache = ProfileCache::open(services->profile(), services->databasePath(), &error);
    if (!m_cache) {
        m_window->statusBar()->showMessage(
            tr("The cache of %1 cannot be opened: %2").arg(services->profile(), error));
        return;
    }
    // The session list is stored off this thread: show it as soon as it is in.
    connect(services, &ProfileServices::sessionsRefreshed, m_cache->models(),
            &ProfileModels::refresh);
    // A live batch is shown as soon as it is committed, not at the watcher's next look.
    if (LiveService *live = services->live())
        connect(live, &LiveService::changesApplied, m_cache->models(),
                &ProfileModels::noteCacheChanged);
    m_window->attach(m_cache->models(), services);
}

void WindowFrontEnd::close()
{
    m_window->detach();
    m_cache.reset();
}
