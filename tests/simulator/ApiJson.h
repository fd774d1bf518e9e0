#pragma once

#include <QtGlobal>

// Writers for the contract's schemas (WASession, Contact, ContactDetail, Group, GroupMember).
// Unknown optional members are omitted, or null when the writer has explicitNulls set.
namespace sim {

class DataSet;
class JsonWriter;

namespace json {

void session(JsonWriter &w, const DataSet &d, int session);
void contact(JsonWriter &w, const DataSet &d, quint32 contact);
void contactDetail(JsonWriter &w, const DataSet &d, quint32 contact);
void group(JsonWriter &w, const DataSet &d, quint32 group);
void member(JsonWriter &w, const DataSet &d, quint32 membership);
const char *roleName(quint8 role);

} // namespace json
} // namespace sim
