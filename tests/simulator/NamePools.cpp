#include "NamePools.h"

#include <initializer_list>

namespace sim::pools {

namespace {

QList<QString> list(std::initializer_list<const char *> items)
{
    QList<QString> out;
    out.reserve(qsizetype(items.size()));
    for (const char *s : items)
        out << QString::fromUtf8(s);
    return out;
}

// Per culture, concatenated into the flat first/last tables in CultureId order.
const std::initializer_list<const char *> kFirst[CultureCount] = {
    {"Budi",   "Siti",    "Agus",  "Dewi",    "Rina",  "Putri", "Ahmad", "Wahyu", "Sri",   "Eko",
     "Adi",    "Nur",     "Rizky", "Fajar",   "Indah", "Ayu",   "Dimas", "Bayu",  "Yusuf", "Andi",
     "Hendra", "Lestari", "Wulan", "Teguh",   "Joko",  "Ratna", "Fitri", "Dian",  "Anisa", "Reza",
     "Gilang", "Intan",   "Nadia", "Bambang", "Sari",  "Yuni",  "Arif",  "Maya",  "Kiki",  "Tono"},
    {"João",     "Maria",   "Ana",     "Pedro",    "Lucas",  "Gabriel", "Juliana", "Fernanda",
     "Rafael",   "Beatriz", "Mateus",  "Larissa",  "Thiago", "Camila",  "Bruno",   "Letícia",
     "Vinícius", "Amanda",  "Gustavo", "Patrícia", "Luíza",  "Caio",    "Débora",  "Otávio"},
    {"محمد",     "أحمد",   "فاطمة", "عائشة", "علي",      "يوسف",   "مريم",
     "خالد",     "عمر",    "ليلى",  "نور",   "حسن",      "سارة",   "إبراهيم",
     "Mohammed", "Fatima", "Omar",  "Layla", "Abdullah", "Khadija"},
    {"王伟",      "李娜",      "张敏",      "刘洋",      "陈静",   "杨磊",   "黄丽",   "赵强",
     "田中 太郎", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "김민준", "이서연", "박지훈", "최유진",
     "정하은",    "Wei Chen",  "Yuki",      "Hiro",      "明",     "芳"},
    {"John",   "Emma",  "Olivia",   "Liam",  "Noah",   "Sophia", "James", "Mia",
     "Lucas",  "Zoë",   "François", "José",  "Müller", "Chloé",  "Søren", "Łukasz",
     "Ingrid", "Mateo", "Elena",    "Marco", "Giulia", "Hannah", "Ben",   "Grace"},
};

const std::initializer_list<const char *> kLast[CultureCount] = {
    {"Santoso", "Wijaya",      "Saputra",   "Pratama", "Hidayat",  "Nugroho",  "Setiawan",
     "Siregar", "Simanjuntak", "Kurniawan", "Lubis",   "Nasution", "Halim",    "Gunawan",
     "Susanto", "Wibowo",      "Hasibuan",  "Purba",   "Rahayu",   "Sembiring"},
    {"Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida",
     "Nascimento", "Lima", "Araújo", "Ferreira", "Carvalho", "Gomes", "Ribeiro"},
    {"العتيبي", "الحربي", "الشمري", "القحطاني", "المصري", "Al-Farsi", "Haddad", "Nasser", "Khalil",
     "Mansour"},
    {"Lee", "Kim", "Wang", "Tanaka"},
    {"Smith", "Johnson", "Brown", "García", "Martínez", "Rossi", "Schmidt", "Dubois", "O'Brien",
     "Nowak", "Jensen", "van Dijk", "Fischer", "Taylor"},
};

// lastChance and weight per culture.
const double kLastChance[CultureCount] = {0.5, 0.85, 0.6, 0.15, 0.8};
const double kWeight[CultureCount] = {0.45, 0.20, 0.10, 0.08, 0.17};

struct Tables {
    QList<QString> first, last;
    Culture cultures[CultureCount];

    Tables()
    {
        for (int c = 0; c < CultureCount; ++c) {
            const int fb = int(first.size());
            first << list(kFirst[c]);
            const int lb = int(last.size());
            last << list(kLast[c]);
            cultures[c] = {fb, int(first.size()), lb, int(last.size()), kLastChance[c], kWeight[c]};
        }
    }
};

const Tables &tables()
{
    static const Tables t;
    return t;
}

} // namespace

const Culture &culture(int id)
{
    return tables().cultures[id];
}
const QList<QString> &firstNames()
{
    return tables().first;
}
const QList<QString> &lastNames()
{
    return tables().last;
}

const QList<QString> &honorifics()
{
    static const QList<QString> l = list({"", "Pak", "Bu", "Mas", "Mbak", "Kak", "Bang", "Haji"});
    return l;
}

const QList<QString> &emojis()
{
    static const QList<QString> l = list(
        {"", "🌸", "✨", "🙏", "💫", "🇮🇩", "😊", "🔥", "❤️", "🌙", "⚽", "🇧🇷"});
    return l;
}

const QList<QString> &businessNames()
{
    static const QList<QString> l = list({"Toko Sinar Jaya",       "Warung Makan Sederhana",
                                          "CV Maju Bersama",       "PT Sumber Rezeki",
                                          "Apotek Sehat Sentosa",  "Bengkel Motor Jaya Abadi",
                                          "Laundry Kilat 24 Jam",  "Toko Kue Bu Ani",
                                          "Loja da Maria",         "Padaria Pão Quente",
                                          "Oficina do Zé",         "Acme Corp",
                                          "Blue Harbor Logistics", "مطعم الشام",
                                          "مكتبة النور",           "小王水果店",
                                          "Katering Berkah",       "Optik Mata Indah",
                                          "Salon Cantik Ayu",      "Rental Mobil Surya",
                                          "Studio Foto Kenangan",  "Kopi Kenangan Senja",
                                          "Ferragens Central",     "Klinik Pratama Medika"});
    return l;
}

const QList<QString> &groupSubjects()
{
    static const QList<QString> l = list({"Keluarga Besar Santoso 👨‍👩‍👧",
                                          "Alumni SMA %1 Bandung",
                                          "Arisan Ibu-Ibu RT %2",
                                          "Jual Beli Motor Bekas Jakarta",
                                          "Info Loker Surabaya",
                                          "Pengajian Al-Ikhlas",
                                          "Reuni Akbar Angkatan 20%2",
                                          "Komunitas Pecinta Kucing 🐱",
                                          "Grup Futsal Kamis Malam ⚽",
                                          "Wali Murid Kelas %3B",
                                          "Grupo da Família ❤️",
                                          "Futebol de Quinta",
                                          "Condomínio Bloco %1",
                                          "Vendas Atacado SP",
                                          "مجموعة العائلة",
                                          "أصدقاء الجامعة",
                                          "同学会 20%2",
                                          "家族グループ",
                                          "Project Team",
                                          "Marketing Q%3",
                                          "Customer Escalations",
                                          "Ops On-Call",
                                          "Book Club 📚",
                                          "Tetangga Perumahan Griya Asri",
                                          "Promo Toko Online",
                                          "Driver Ojol Bekasi",
                                          "Grup Kajian Subuh",
                                          "Trip Bali 20%2 🏝️",
                                          "Kantor Cabang Medan",
                                          "Supplier Sembako"});
    return l;
}

const QList<QString> &groupDescriptions()
{
    static const QList<QString> l = list(
        {"Grup silaturahmi. Dilarang share hoax dan promosi tanpa izin admin.",
         "Info resmi dari pengurus. Mohon baca pengumuman yang di-pin.",
         "Hanya untuk anggota. Jaga sopan santun 🙏",
         "Grupo para avisos e combinados. Sem correntes, por favor!",
         "Coordination for the quarterly launch.\nAgenda in the pinned message.",
         "يرجى الالتزام بآداب الحوار", "欢迎大家！请勿发广告。",
         "Jadwal, lokasi, dan iuran diumumkan di sini setiap Senin."});
    return l;
}

const QList<QString> &aboutTexts()
{
    static const QList<QString> l = list(
        {"Hey there! I am using WhatsApp.", "Available", "Busy", "At work", "Sibuk, chat aja",
         "Alhamdulillah 🤲", "Sabar dan ikhlas", "Só Deus sabe 🙏", "Em reunião", "الحمد لله",
         "在忙，稍后回复", "Urgent calls only", "🏠📿", "Jangan telpon, WA aja", ""});
    return l;
}

const QList<QString> &sessionLabels()
{
    static const QList<QString> l = list({"Support line", "Sales Jakarta", "CS Surabaya",
                                          "Marketing", "Ops Bandung", "Loja São Paulo", "Finance",
                                          "Admin HQ"});
    return l;
}

const QList<QString> &gatewayIds()
{
    static const QList<QString> l = list({"gw-sg-1", "gw-jkt-1", "gw-jkt-2", "gw-fra-1"});
    return l;
}

} // namespace sim::pools
