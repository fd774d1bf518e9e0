#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

// The last warnings and errors the process logged, for "Copy diagnostics". Installed once as
// Qt's message handler; every message still reaches the previous handler (stderr), so
// installing it changes nothing the user sees. Thread-safe: the sync and the local API log
// from their own threads.
class RecentMessages
{
public:
    struct Entry {
        QDateTime when; // UTC
        QtMsgType type;
        QString category;
        QString text; // already passed through SecretRedactor
    };

    static constexpr int kCapacity = 50;

    static void install();         // idempotent
    static QList<Entry> entries(); // oldest first
    static void clear();
    static QString typeName(QtMsgType type);
};
