#pragma once

#include <QString>

// Fills a cache file with a plausible session for tests, the screenshot and the benchmark:
// `contacts` contacts (names, phones, some businesses, a third with a direct chat), `groups`
// groups with `membersPerGroup` members each (tags, an owner and admins), search indexed.
namespace DemoCache {

struct Spec {
    QString sessionId = QStringLiteral("demo");
    QString status = QStringLiteral("working");
    int contacts = 10000;
    int groups = 24;
    int membersPerGroup = 40;
    int firstContact = 0; // adds contacts firstContact.. (a second sync landing)
};

// Opens (creating) the cache at path, writes, closes. Returns an error text, empty on success.
QString build(const QString &path, const Spec &spec);
QString name(int i);
QString lid(int i);

} // namespace DemoCache
