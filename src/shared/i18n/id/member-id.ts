/** Bahasa Indonesia reasons a scanned or typed member id is refused, one per parseMemberId failure code. */
export const memberIdId = {
  'memberId.empty': 'Tidak ada yang terbaca. Silakan coba lagi.',
  'memberId.too-long': 'Kode ini terlalu panjang untuk ID member.',
  'memberId.card-read-error': 'Kartu tidak terbaca. Silakan gesek ulang.',
  'memberId.bad-card': 'Nomor kartu terdiri dari 6 sampai 19 angka.',
  'memberId.bad-mobile': 'Nomor HP tidak valid (08 diikuti 8 sampai 12 angka).',
  'memberId.bad-email': 'Alamat email tidak valid.',
  'memberId.no-id-in-qr': 'QR ini tidak berisi ID member.',
  'memberId.unknown': 'Bukan kartu member, email, atau nomor HP.'
} as const

export type MemberIdKey = keyof typeof memberIdId
