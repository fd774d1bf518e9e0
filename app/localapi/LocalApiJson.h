#pragma once

#include "gateway/GatewayTypes.h"

#include <QByteArray>

// The bodies of the two hottest stored routes, written straight into bytes: exactly what
// QJsonDocument(GatewayJson::fromX(...)).toJson(Compact) gives (tst_localapijson compares
// them over every UTF-16 code unit and the edges of the numbers), without building a
// QJsonObject per contact first, which was most of the cost of a contact-list page. Values
// the fast paths do not cover (lone surrogates, numbers beyond 2^53) are written by Qt.
namespace LocalApiJson {

// getContact: {"dm","groups","identity"?}, as GatewayJson::fromContactDetail.
QByteArray contactDetail(const ContactDetail &detail);
// listContacts: {"data":[Contact...],"nextCursor"?}, as GatewayJson::fromPage(fromContact).
QByteArray contactPage(const Page<Contact> &page);

} // namespace LocalApiJson
