#pragma once

#include <QObject>

#include <memory>

class Console;
class MainWindow;
class ProfileCache;
class ProfileServices;

// The window as a front end over Console: when a profile's services open, it opens that
// profile's cache for the models (ProfileCache) and hands both to the window; when they
// close, the window lets go first. The window itself constructs no service, client or
// database connection.
class WindowFrontEnd : public QObject
{
    Q_OBJECT
public:
    WindowFrontEnd(Console *console, MainWindow *window, QObject *parent = nullptr);
    ~WindowFrontEnd() override;

    ProfileCache *cache() const { return m_cache.get(); }

private:
    void open(ProfileServices *services);
    void close();

    Console *m_console;
    MainWindow *m_window;
    std::unique_ptr<ProfileCache> m_cache;
};
