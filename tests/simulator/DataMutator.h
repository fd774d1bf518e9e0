#pragma once

#include <QList>
#include <QtGlobal>

// Deterministic changes to one session's stored data, so sync tests can watch rows vanish,
// appear and change between two pulls (POST /_sim/sessions/{id}/mutate).
namespace sim {

class DataSet;

struct MutationRequest {
    int removeContacts = 0;
    int addContacts = 0;
    int renameContacts = 0;
    int removeMemberships = 0;
};

struct MutationResult {
    QList<quint32> removed, added, renamed; // contact rows
    QList<quint32> removedMemberships;      // explicit ones and those of removed contacts
};

MutationResult mutate(DataSet &d, int session, const MutationRequest &req, qint64 nowSec);

} // namespace sim
