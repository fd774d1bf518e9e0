#pragma once

#include "gateway/GatewayTypes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <string_view>

// The rows of one sync page as the cache stores them: text cleaned (SearchText::clean), the
// search keys folded, all of it UTF-8 in one buffer. A page is encoded where it arrives (the
// sync's main thread), so the store's thread, the sync's bottleneck, only binds the bytes
// and frees one buffer per page.
class TextBuffer
{
public:
    // Where one value sits in the buffer; a null Ref is SQL NULL. 32 bits: the sync holds
    // up to ~250,000 rows waiting for the store, each with four to six of these.
    struct Ref {
        qint32 offset = -1;
        qint32 size = 0;
        bool isNull() const { return offset < 0; }
    };

    Ref add(const QString &text);         // cleaned; a null QString is NULL
    Ref add(const OptString &text);       // cleaned; nullopt (and a null QString) is NULL
    Ref addFolded(const OptString &text); // SearchText::fold; NULL when nothing is left
    Ref addNameKey(const OptString &name, const OptString &businessName); // CacheKeys::nameKey

    // Valid while the buffer lives and nothing is added.
    std::string_view view(Ref ref) const;
    // More than 2 GB of text was added (never from one gateway answer: their size is capped
    // far below): what did not fit is NULL, and the writer refuses the page.
    bool overflowed() const { return m_overflowed; }

private:
    Ref append(const QString &text);

    QByteArray m_bytes;
    bool m_overflowed = false;
};

struct EncodedContact {
    TextBuffer::Ref lid; // NULL when the gateway sent none (the writer refuses the row)
    bool dm = false;
    TextBuffer::Ref name, phone, businessName, nameKey, businessNameKey;
};

struct EncodedContacts {
    TextBuffer text;
    QList<EncodedContact> rows;

    static EncodedContacts from(const QList<Contact> &page);
};

struct EncodedMember {
    TextBuffer::Ref lid; // NULL when the gateway sent none (the writer refuses the row)
    TextBuffer::Ref role, tag, tagKey;
    qint64 gatewayId = 0;   // 0: not sent
    qint64 firstSeenAt = 0; // 0: not sent
    qint64 lastSeenAt = 0;  // 0: not sent
};

// One group's whole member list.
struct EncodedMembers {
    TextBuffer text;
    TextBuffer::Ref groupJid; // NULL when empty (the writer refuses the list)
    QList<EncodedMember> rows;

    static EncodedMembers from(const QString &groupJid, const QList<GroupMember> &members);
};
