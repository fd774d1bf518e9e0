#pragma once

#include <QString>

// A small real SQLite cache for the targets that read one: DemoCache's session "demo"
// (300 contacts, 6 groups of 12 members, search indexed), built on the first call in a
// temporary directory that is removed at exit. Nothing ever writes to it afterwards, so
// every input sees the same data.
namespace FuzzCache {

inline const QString SessionId = QStringLiteral("demo");

// The cache file's path; aborts when it cannot be built (nothing to fuzz then).
QString path();

} // namespace FuzzCache
