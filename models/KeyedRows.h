#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <type_traits>
#include <utility>

// A model base that turns its rows into fresh ones in place, by key: rows gone are removed,
// new rows inserted, rows whose place changed moved, rows whose content changed reported with
// dataChanged. Never a reset, so views keep their selection, current row and scroll position
// while the cache changes under them (the realtime feed commits many times a second).
template <typename Base>
class KeyedRowsModel : public Base
{
public:
    using Base::Base;

protected:
    // `rows` is what data() serves for rows [offset, offset + rows.size()): it is changed
    // between each begin/end pair, so the model is consistent whenever a view asks.
    // key(row) gives a hashable key; same(a, b) says a row shows the same content.
    template <typename Row, typename KeyFn, typename SameFn>
    void updateRows(QList<Row> &rows, const QList<Row> &fresh, KeyFn key, SameFn same,
                    int offset = 0)
    {
        using Key = std::decay_t<decltype(key(std::declval<const Row &>()))>;
        QList<Row> target;
        QHash<Key, int> place; // key -> row in target
        target.reserve(fresh.size());
        place.reserve(fresh.size());
        for (const Row &r : fresh) {
            if (!place.contains(key(r))) { // a key twice would never settle: the first wins
                place.insert(key(r), int(target.size()));
                target.append(r);
            }
        }
        removeGone(rows, place, key, offset);
        QList<int> changed = placeRows(rows, target, place, key, same, offset);
        reportChanged(changed, offset);
    }

private:
    template <typename Row, typename Key, typename KeyFn>
    void removeGone(QList<Row> &rows, const QHash<Key, int> &place, KeyFn key, int offset)
    {
        for (int last = int(rows.size()) - 1; last >= 0; --last) {
            if (place.contains(key(rows.at(last))))
                continue;
            int first = last;
            while (first > 0 && !place.contains(key(rows.at(first - 1))))
                --first;
            this->beginRemoveRows({}, offset + first, offset + last);
            rows.remove(first, last - first + 1);
            this->endRemoveRows();
            last = first;
        }
    }

    // Walks the target in order; rows before the walk are final. Returns the rows whose
    // content changed (final positions).
    template <typename Row, typename Key, typename KeyFn, typename SameFn>
    QList<int> placeRows(QList<Row> &rows, const QList<Row> &target, const QHash<Key, int> &place,
                         KeyFn key, SameFn same, int offset)
    {
        QSet<Key> have;
        for (const Row &r : std::as_const(rows))
            have.insert(key(r));
        QList<int> changed;
        int i = 0;
        while (i < target.size()) {
            const Key want = key(target.at(i));
            if (i < rows.size() && key(rows.at(i)) == want) {
                if (!same(rows.at(i), target.at(i))) {
                    rows[i] = target.at(i);
                    changed << i;
                }
                ++i;
            } else if (!have.contains(want)) {
                insertRun(rows, target, have, i, key, offset);
            } else {
                moveInto(rows, place, i, want, key, offset);
            }
        }
        return changed;
    }

    // The new rows from target[i] on, as one insertion.
    template <typename Row, typename Key, typename KeyFn>
    void insertRun(QList<Row> &rows, const QList<Row> &target, QSet<Key> &have, int i, KeyFn key,
                   int offset)
    {
        int end = i + 1;
        while (end < target.size() && !have.contains(key(target.at(end))))
            ++end;
        this->beginInsertRows({}, offset + i, offset + end - 1);
        for (int k = i; k < end; ++k) {
            rows.insert(k, target.at(k));
            have.insert(key(target.at(k)));
        }
        this->endInsertRows();
    }

    // Brings the row keyed `want` to row i: when the row at i is the one out of place (it
    // went down the order), it moves down instead, one move rather than many.
    template <typename Row, typename Key, typename KeyFn>
    void moveInto(QList<Row> &rows, const QHash<Key, int> &place, int i, const Key &want, KeyFn key,
                  int offset)
    {
        int from = i + 1;
        while (key(rows.at(from)) != want)
            ++from;
        const int goal = place.value(key(rows.at(i)));
        if (from == i + 1 && goal > i) {
            int before = i + 1; // the first row that belongs after rows[i]
            while (before < rows.size() && place.value(key(rows.at(before))) < goal)
                ++before;
            if (before > i + 1) {
                this->beginMoveRows({}, offset + i, offset + i, {}, offset + before);
                rows.move(i, before - 1);
                this->endMoveRows();
                return;
            }
        }
        this->beginMoveRows({}, offset + from, offset + from, {}, offset + i);
        rows.move(from, i);
        this->endMoveRows();
    }

    void reportChanged(const QList<int> &changed, int offset)
    {
        // Through the base: QAbstractListModel keeps columnCount() private.
        const int lastColumn = static_cast<const QAbstractItemModel *>(this)->columnCount({}) - 1;
        for (int k = 0; k < changed.size();) {
            int end = k;
            while (end + 1 < changed.size() && changed.at(end + 1) == changed.at(end) + 1)
                ++end;
            Q_EMIT this->dataChanged(this->index(offset + changed.at(k), 0, {}),
                                     this->index(offset + changed.at(end), lastColumn, {}));
            k = end + 1;
        }
    }
};
