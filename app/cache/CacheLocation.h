#pragma once

#include <QString>

// Where a profile's cache lives: <AppData>/profiles/<directory>/cache.sqlite.
namespace CacheLocation {

// A directory name safe on every file system for any profile name (any Unicode): the ASCII
// letters, digits, '-' and '_' of the name (at most 32) plus '-' and 12 hex digits of its
// SHA-256, so names differing only in case or in non-ASCII characters never share a cache.
QString directoryName(const QString &profile);

// <QStandardPaths::AppDataLocation>/profiles
QString profilesRoot();

// The cache file of a profile; under `root` when given (tests), else under profilesRoot().
QString databasePath(const QString &profile, const QString &root = {});

// Deletes a profile's cache directory (the database with its -wal and -shm files). Close
// every connection to it first. Returns true when nothing is left; same shape as
// SignInController::CachePurger.
bool purge(const QString &profile, QString *error = nullptr, const QString &root = {});

// Moves a profile's cache along with a rename; true when there was nothing to move.
bool rename(const QString &from, const QString &to, QString *error = nullptr,
            const QString &root = {});

} // namespace CacheLocation
