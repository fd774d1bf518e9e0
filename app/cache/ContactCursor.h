#pragma once

#include "cache/CacheTypes.h"

#include <QString>
#include <QVariant>

#include <optional>

// The keyset position after a row: its sort value and LID (the tie-breaker), for one sort
// order. Encoded as an opaque URL-safe string; anything that does not decode to the same
// sort order is rejected, never guessed at.
struct ContactCursor {
    ContactSort sort = ContactSort::Name;
    Qt::SortOrder order = Qt::AscendingOrder;
    QVariant key; // text, or an integer for ContactSort::Updated
    QString lid;

    QString encode() const;
    static std::optional<ContactCursor> decode(const QString &text, ContactSort sort,
                                               Qt::SortOrder order);
};
