#pragma once

#include "live/RealtimeFeed.h"

#include <QDateTime>
#include <QLabel>
#include <QPointer>
#include <QTimer>

#include <optional>

class ProfileServices;

// The status bar's word on how current the data is: "Live" while the realtime feed keeps
// the cache current, "Reconnecting…" while it comes back, else "Updated 3 min ago" (the
// last completed sync or live batch).
class FreshnessLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FreshnessLabel(QWidget *parent = nullptr);

    // nullptr: signed out (the label is cleared). Not owned.
    void setServices(ProfileServices *services);

    // The sentence for a feed state (nullopt: no feed) and the last update, at `now`.
    static QString describe(std::optional<RealtimeFeed::State> feed, const QDateTime &updatedAt,
                            const QDateTime &now);

private:
    void refreshText();

    QPointer<ProfileServices> m_services;
    QTimer m_tick;
};
