#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QtGlobal>

// For the tests of a machine without a keychain: a throwaway HOME (XDG directories inside it)
// and a session bus address whose socket does not exist, so D-Bus is simply not there.
// Without DISPLAY, GLib cannot try to autolaunch a bus either. Call it first in main(),
// before Qt, GLib or libsecret read the environment.
namespace NoKeychainEnvironment {

inline void applyTo(const QString &home)
{
    const QByteArray h = QFile::encodeName(home);
    QDir(home).mkpath(QStringLiteral("runtime"));
    QFile::setPermissions(home + QStringLiteral("/runtime"),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("HOME", h);
    qputenv("XDG_CONFIG_HOME", h + "/.config");
    qputenv("XDG_DATA_HOME", h + "/.local/share");
    qputenv("XDG_CACHE_HOME", h + "/.cache");
    qputenv("XDG_RUNTIME_DIR", h + "/runtime");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + h + "/no-bus-here");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
}

} // namespace NoKeychainEnvironment
