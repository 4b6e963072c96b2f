export interface Airline {
  code: string;
  name_zh: string;
  name_en: string;
}

/** Reference airlines: IATA code and the names the airlines use themselves. */
export const airlineData: Airline[] = [
  // Mainland China
  { code: 'CA', name_zh: '中国国际航空', name_en: 'Air China' },
  { code: 'MU', name_zh: '中国东方航空', name_en: 'China Eastern Airlines' },
  { code: 'CZ', name_zh: '中国南方航空', name_en: 'China Southern Airlines' },
  { code: 'HU', name_zh: '海南航空', name_en: 'Hainan Airlines' },
  { code: '3U', name_zh: '四川航空', name_en: 'Sichuan Airlines' },
  { code: 'ZH', name_zh: '深圳航空', name_en: 'Shenzhen Airlines' },
  { code: 'MF', name_zh: '厦门航空', name_en: 'XiamenAir' },
  { code: 'FM', name_zh: '上海航空', name_en: 'Shanghai Airlines' },
  { code: 'SC', name_zh: '山东航空', name_en: 'Shandong Airlines' },
  { code: 'HO', name_zh: '吉祥航空', name_en: 'Juneyao Air' },
  { code: '9C', name_zh: '春秋航空', name_en: 'Spring Airlines' },
  { code: 'GS', name_zh: '天津航空', name_en: 'Tianjin Airlines' },
  { code: '8L', name_zh: '祥鹏航空', name_en: 'Lucky Air' },
  { code: 'TV', name_zh: '西藏航空', name_en: 'Tibet Airlines' },
  // Hong Kong and Taiwan
  { code: 'CX', name_zh: '国泰航空', name_en: 'Cathay Pacific' },
  { code: 'CI', name_zh: '中华航空', name_en: 'China Airlines' },
  { code: 'BR', name_zh: '长荣航空', name_en: 'EVA Air' },
  // Foreign
  { code: 'NH', name_zh: '全日空', name_en: 'All Nippon Airways' },
  { code: 'JL', name_zh: '日本航空', name_en: 'Japan Airlines' },
  { code: 'KE', name_zh: '大韩航空', name_en: 'Korean Air' },
  { code: 'OZ', name_zh: '韩亚航空', name_en: 'Asiana Airlines' },
  { code: 'SQ', name_zh: '新加坡航空', name_en: 'Singapore Airlines' },
  { code: 'TG', name_zh: '泰国国际航空', name_en: 'Thai Airways' },
  { code: 'BA', name_zh: '英国航空', name_en: 'British Airways' },
  { code: 'AF', name_zh: '法国航空', name_en: 'Air France' },
  { code: 'LH', name_zh: '汉莎航空', name_en: 'Lufthansa' },
  { code: 'EK', name_zh: '阿联酋航空', name_en: 'Emirates' },
  { code: 'UA', name_zh: '美国联合航空', name_en: 'United Airlines' },
  { code: 'AA', name_zh: '美国航空', name_en: 'American Airlines' },
  { code: 'QF', name_zh: '澳洲航空', name_en: 'Qantas' },
];
