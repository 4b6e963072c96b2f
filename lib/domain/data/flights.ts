import type { z } from 'zod';
import { aircraft, seatCount, type AircraftType } from '../aircraft';
import type { FlightInput } from '../flights';
import { airportData } from './airports';

export type { FareAndCapacity } from '../flights';

/** A sample flight: the body `POST /api/flights` takes, before defaults (daily, active, same-day arrival). */
export type SampleFlight = Omit<z.input<typeof FlightInput>, 'status'>;

/**
 * Schedules are those of the IATA northern winter season: local arrival times are computed with the
 * zones' UTC offsets on this date, so a route into a zone with summer time shows a block one hour
 * different in the summer.
 */
export const scheduleReferenceDate = '2026-01-14';
const referenceInstant = Date.parse(`${scheduleReferenceDate}T12:00:00Z`);
const offsets = new Map<string, number>();

/** Minutes the time zone is ahead of UTC on the schedule reference date. */
export function scheduleUtcOffset(timeZone: string): number {
  let offset = offsets.get(timeZone);
  if (offset === undefined) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(referenceInstant)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name ?? '');
    if (!match) throw new Error(`cannot read the UTC offset of ${timeZone}`);
    offset = match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
    offsets.set(timeZone, offset);
  }
  return offset;
}

/** The legacy system's five flights, as it defines them. */
const legacyFlights: SampleFlight[] = [
  { flight_number: 'CA1001', airline_code: 'CA', departure_airport: 'PEK', arrival_airport: 'SHA', departure_time: '08:30', arrival_time: '10:45', aircraft_type: 'A321', cabins: { economy: { fare: 680, capacity: 120 }, business: { fare: 2380, capacity: 12 } } },
  { flight_number: 'MU5101', airline_code: 'MU', departure_airport: 'SHA', arrival_airport: 'PEK', departure_time: '08:00', arrival_time: '10:20', aircraft_type: 'A321', cabins: { economy: { fare: 680, capacity: 150 }, business: { fare: 2380, capacity: 12 } } },
  { flight_number: 'CZ3101', airline_code: 'CZ', departure_airport: 'CAN', arrival_airport: 'PKX', departure_time: '08:00', arrival_time: '11:10', aircraft_type: 'A330-300', cabins: { economy: { fare: 1400, capacity: 200 }, business: { fare: 4900, capacity: 30 } } },
  { flight_number: '3U8881', airline_code: '3U', departure_airport: 'CTU', arrival_airport: 'PEK', departure_time: '09:00', arrival_time: '11:45', aircraft_type: 'A321', cabins: { economy: { fare: 1250, capacity: 150 }, business: { fare: 4380, capacity: 12 } } },
  { flight_number: 'MU5301', airline_code: 'MU', departure_airport: 'SHA', arrival_airport: 'CAN', departure_time: '09:00', arrival_time: '11:30', aircraft_type: 'A321', cabins: { economy: { fare: 1000, capacity: 150 }, business: { fare: 3500, capacity: 12 } } },
];

/**
 * Routes 'A-B': scheduled block minutes A→B and B→A, and the economy fare in CNY.
 * Blocks are the great-circle estimate of scripts/network.ts (`blockMinutes`, with the westbound
 * jet-stream penalty) checked against published timetables; short island hops, Lhasa, Hong Kong,
 * the Asian medium haul and all long haul are set from the timetables themselves.
 * Economy is about 0.9 CNY/km on short routes falling to 0.6 at 3,000 km; the Beijing–Shanghai shuttle
 * (up against the high-speed railway) and Hong Kong/Taiwan fares are set from the market.
 * Business is 3.5× economy and first 5.5× unless given: long-haul premium cabins carry their own fares.
 */
type Route = [there: number, back: number, economy: number, business?: number, first?: number];

const routes: Record<string, Route> = {
  'PEK-SHA': [135, 140, 680],
  'PEK-PVG': [135, 140, 720],
  'SHA-PKX': [135, 130, 680],
  'PVG-PKX': [135, 130, 700],
  'PEK-CAN': [200, 195, 1440],
  'CAN-PKX': [190, 195, 1400],
  'PEK-SZX': [205, 200, 1480],
  'SZX-PKX': [195, 200, 1440],
  'SHA-CAN': [150, 140, 1000],
  'CAN-PVG': [140, 150, 1020],
  'SZX-SHA': [140, 150, 1030],
  'PVG-SZX': [150, 145, 1040],
  'PEK-CTU': [180, 165, 1250],
  'PEK-TFU': [175, 165, 1250],
  'TFU-PKX': [160, 175, 1210],
  'SHA-CTU': [190, 170, 1320],
  'PVG-TFU': [190, 170, 1320],
  'CAN-CTU': [150, 140, 1040],
  'TFU-CAN': [140, 145, 1000],
  'SZX-CTU': [160, 150, 1100],
  'PEK-CKG': [170, 160, 1200],
  'CKG-PKX': [155, 165, 1160],
  'SHA-CKG': [170, 155, 1170],
  'CAN-CKG': [130, 125, 850],
  'SZX-CKG': [140, 130, 920],
  'PEK-XIY': [130, 120, 820],
  'XIY-PKX': [120, 125, 790],
  'XIY-SHA': [140, 155, 1040],
  'CAN-XIY': [155, 150, 1090],
  'SZX-XIY': [165, 155, 1160],
  'PEK-KMG': [220, 205, 1550],
  'KMG-PKX': [200, 215, 1520],
  'KMG-SHA': [190, 210, 1460],
  'CAN-KMG': [140, 130, 930],
  'SZX-KMG': [145, 135, 980],
  'KMG-XIY': [140, 145, 1010],
  'KMG-CTU': [100, 100, 570],
  'KMG-LJG': [65, 60, 310],
  'KMG-JHG': [70, 70, 390],
  'KMG-BKK': [155, 150, 1080],
  'HGH-PEK': [145, 140, 980],
  'CAN-HGH': [130, 135, 900],
  'SZX-HGH': [130, 140, 930],
  'WUH-PEK': [135, 135, 920],
  'WUH-SHA': [100, 110, 620],
  'CAN-WUH': [115, 120, 740],
  'PEK-NKG': [125, 125, 840],
  'SZX-NKG': [135, 140, 970],
  'XMN-PKX': [180, 180, 1320],
  'XMN-SHA': [115, 115, 720],
  'XMN-TPE': [75, 80, 980],
  'FOC-PKX': [170, 170, 1240],
  'JJN-PKX': [180, 180, 1310],
  'TAO-PEK': [95, 90, 480],
  'TAO-SHA': [100, 100, 540],
  'CAN-TAO': [170, 180, 1270],
  'TNA-CAN': [175, 170, 1250],
  'YNT-SHA': [110, 110, 650],
  'SHA-WEH': [105, 105, 610],
  'PEK-CSX': [160, 155, 1130],
  'SHA-CSX': [125, 115, 760],
  'HAK-PEK': [225, 230, 1650],
  'PEK-SYX': [250, 240, 1730],
  'PKX-SYX': [245, 235, 1700],
  'PVG-SYX': [205, 190, 1450],
  'DLC-PEK': [90, 85, 420],
  'DLC-SHA': [120, 120, 770],
  'SHE-PEK': [105, 95, 560],
  'SHE-PKX': [105, 100, 590],
  'HRB-PEK': [135, 125, 870],
  'HRB-PKX': [140, 130, 910],
  'HRB-SHA': [180, 175, 1310],
  'CGQ-PEK': [125, 115, 770],
  'PEK-URC': [250, 225, 1690],
  'URC-PKX': [225, 250, 1700],
  'URC-XIY': [205, 220, 1550],
  'CTU-URC': [220, 200, 1540],
  'URC-KHG': [140, 130, 920],
  'CTU-LXA': [135, 125, 1060],
  'TFU-LXA': [140, 125, 1100],
  'TSN-CAN': [190, 185, 1390],
  'TSN-SZX': [195, 195, 1430],
  'TSN-SHA': [125, 130, 840],
  'CGO-CAN': [150, 150, 1050],
  'SHA-CGO': [120, 110, 710],
  'PEK-NNG': [215, 210, 1550],
  'PEK-KWE': [190, 180, 1370],
  'PEK-LHW': [150, 140, 1020],
  'CAN-TYN': [175, 175, 1280],
  'SHA-HET': [160, 155, 1140],
  'SZX-SJW': [185, 185, 1360],
  'PEK-HFE': [120, 125, 800],
  'PEK-NGB': [145, 150, 1040],
  'PEK-WNZ': [160, 165, 1160],
  'PEK-KHN': [150, 150, 1050],
  'SZX-WUX': [140, 145, 1010],
  'PEK-XNN': [160, 150, 1110],
  'PEK-INC': [125, 120, 800],
  'PEK-DYG': [160, 155, 1120],
  'SHA-DYG': [140, 130, 930],
  'PEK-ZUH': [210, 205, 1520],
  'PEK-KWL': [190, 185, 1370],
  'CTU-LJG': [100, 95, 520],
  'CTU-DLU': [105, 100, 600],
  'SHA-SWA': [130, 125, 860],
  'PEK-TXN': [140, 145, 990],
  'PEK-YIH': [145, 140, 990],
  'SHA-LYA': [130, 120, 820],
  'PEK-NTG': [125, 130, 860],
  'PEK-MIG': [170, 155, 1180],
  'PEK-HKG': [220, 215, 1980],
  'PVG-HKG': [155, 145, 1420],
  'PEK-TPE': [180, 185, 2380],
  'PVG-TPE': [105, 105, 1480],
  'SHA-TSA': [105, 105, 1520],
  'PEK-MFM': [210, 205, 1860],
  'PEK-NRT': [200, 235, 1570],
  'PVG-NRT': [180, 200, 1390],
  'CAN-NRT': [255, 290, 1860],
  'PEK-HND': [200, 225, 1550],
  'PVG-HND': [175, 195, 1360],
  'SHA-HND': [180, 200, 1380],
  'PVG-KIX': [145, 160, 1090],
  'PEK-ICN': [120, 125, 800],
  'PVG-ICN': [115, 120, 740],
  'CAN-ICN': [200, 215, 1500],
  'GMP-SHA': [125, 115, 770],
  'PEK-SIN': [385, 365, 2240],
  'PVG-SIN': [335, 310, 2000],
  'CAN-SIN': [245, 235, 1770],
  'PEK-BKK': [305, 275, 1940],
  'PVG-BKK': [285, 260, 1850],
  'SZX-BKK': [190, 175, 1340],
  'CAN-KUL': [260, 245, 1760],
  'CAN-MNL': [145, 155, 1070],
  'CAN-HAN': [120, 110, 730],
  'PEK-LHR': [685, 630, 4200, 17600, 28800],
  'PVG-LHR': [760, 700, 4400, 18500, 30300],
  'PEK-CDG': [690, 635, 4200, 17600, 28800],
  'PEK-FRA': [655, 600, 4000, 16800, 27500],
  'PEK-JFK': [820, 860, 5600, 23500, 38600],
  'PVG-JFK': [880, 940, 5800, 24300, 39800],
  'PEK-LAX': [705, 800, 5000, 21000, 34400],
  'PVG-LAX': [715, 845, 5200, 21800, 35600],
  'SFO-PVG': [790, 675, 4900, 20600],
  'PVG-SYD': [600, 645, 3900, 16400],
  'CAN-SYD': [565, 590, 3700, 15500],
  'DXB-PEK': [465, 525, 3000, 12600, 20600],
};

/**
 * Services: [airline, number, from, to, aircraft, departures from→to, departures to→from, days].
 * Outbound flights are numbered number, number + 2, …; the return flights number + 1, number + 3, ….
 * Every cabin of the aircraft's seat map is sold at full capacity, except that Spring (9C) sells economy only.
 */
type Service = [airline: string, number: number, from: string, to: string, aircraft: AircraftType, there: string, back: string, days?: number[]];

const services: Service[] = [
  // Beijing ⇄ Shanghai shuttle: CA and HU at Capital; MU, FM and HO at Daxing
  ['CA', 1501, 'PEK', 'SHA', 'A330-300', '07:00 14:00 19:30', '07:30 13:30 19:00'],
  ['CA', 1519, 'PEK', 'SHA', 'B777-300ER', '10:00 12:30 17:00', '09:00 11:00 16:30 21:00'],
  ['HU', 7605, 'PEK', 'SHA', 'B787-9', '15:30 20:30', '10:00 17:30'],
  ['CA', 1831, 'PEK', 'PVG', 'A330-300', '08:00 18:00', '11:00 20:30'],
  ['HU', 7611, 'PEK', 'PVG', 'B737-800', '10:30', '14:00'],
  ['MU', 5103, 'SHA', 'PKX', 'A330-300', '07:00 12:00 17:00', '08:00 13:00 19:00'],
  ['MU', 5131, 'SHA', 'PKX', 'C919', '14:30', '09:30'],
  ['MU', 5151, 'SHA', 'PKX', 'A350-900', '19:30', '16:00'],
  ['FM', 9101, 'SHA', 'PKX', 'B737-800', '09:30', '21:00'],
  ['MU', 5181, 'PVG', 'PKX', 'A321', '08:00 15:00', '09:30 20:30'],
  ['HO', 1251, 'PVG', 'PKX', 'A321', '12:30 19:00', '07:00 16:30'],
  // Beijing ⇄ Guangzhou, Shenzhen
  ['CA', 1301, 'PEK', 'CAN', 'A330-300', '08:00 19:00', '09:00 14:00'],
  ['CA', 1351, 'PEK', 'CAN', 'B777-300ER', '10:00', '16:30'],
  ['CZ', 3103, 'CAN', 'PKX', 'A330-300', '11:00 19:00', '08:00 17:00'],
  ['CZ', 3161, 'CAN', 'PKX', 'B777-300ER', '13:00', '20:30'],
  ['CA', 1381, 'PEK', 'SZX', 'A321', '08:30 18:30', '07:30 15:30'],
  ['ZH', 9101, 'SZX', 'PEK', 'B737-800', '07:30 19:30', '08:00 14:00'],
  ['CZ', 3151, 'SZX', 'PKX', 'A321', '10:30', '16:00'],
  // Shanghai ⇄ Guangzhou, Shenzhen
  ['MU', 5303, 'SHA', 'CAN', 'A321', '13:00 19:30', '08:00 16:00'],
  ['CZ', 3521, 'CAN', 'SHA', 'A330-300', '07:00 17:00', '08:30 14:00'],
  ['CZ', 3541, 'CAN', 'PVG', 'A321', '09:00', '21:00'],
  ['ZH', 9511, 'SZX', 'SHA', 'A320', '07:30 18:00', '08:30 14:30'],
  ['MU', 5341, 'SHA', 'SZX', 'A321', '10:30', '15:30'],
  ['9C', 8701, 'PVG', 'SZX', 'A320', '06:50', '10:05'],
  ['ZH', 9531, 'SZX', 'PVG', 'A321', '14:00', '18:10'],
  // Chengdu (Shuangliu and Tianfu)
  ['CA', 4101, 'PEK', 'CTU', 'A330-300', '07:30 18:30', '07:00 12:00'],
  ['3U', 8883, 'CTU', 'PEK', 'A321', '16:30', '12:00'],
  ['CA', 4113, 'PEK', 'TFU', 'A321', '09:00', '14:30'],
  ['3U', 8891, 'TFU', 'PKX', 'A330-300', '07:50', '20:30'],
  ['MU', 5401, 'SHA', 'CTU', 'A321', '07:30', '19:00'],
  ['MU', 9197, 'SHA', 'CTU', 'C919', '10:30', '14:50'],
  ['3U', 8961, 'CTU', 'SHA', 'A321', '16:00', '11:30'],
  ['MU', 5417, 'PVG', 'TFU', 'A320', '09:15', '13:45'],
  ['9C', 8711, 'PVG', 'TFU', 'A320', '06:40', '11:00'],
  ['CZ', 3401, 'CAN', 'CTU', 'A321', '08:00', '14:30'],
  ['3U', 8731, 'TFU', 'CAN', 'A320', '11:00', '15:00'],
  ['ZH', 9401, 'SZX', 'CTU', 'A320', '09:00', '12:40'],
  // Chongqing
  ['CA', 1421, 'PEK', 'CKG', 'A321', '08:00', '19:00'],
  ['CZ', 3251, 'CKG', 'PKX', 'A321', '08:30', '12:30'],
  ['MU', 5431, 'SHA', 'CKG', 'A320', '08:10', '12:00'],
  ['CZ', 3411, 'CAN', 'CKG', 'A320', '09:30', '13:00'],
  ['ZH', 9421, 'SZX', 'CKG', 'B737-800', '10:20', '14:00'],
  // Xi'an
  ['CA', 1201, 'PEK', 'XIY', 'A320', '08:00', '19:30'],
  ['MU', 2101, 'XIY', 'PKX', 'A320', '07:40', '17:20'],
  ['MU', 2161, 'XIY', 'SHA', 'A320', '08:50', '12:00'],
  ['CZ', 3201, 'CAN', 'XIY', 'A321', '09:10', '13:10'],
  ['ZH', 9211, 'SZX', 'XIY', 'B737 MAX 8', '11:40', '15:40'],
  // Kunming: via Chengdu or Xi'an to Urumqi
  ['CA', 1401, 'PEK', 'KMG', 'A330-300', '08:20', '16:00'],
  ['MU', 5711, 'KMG', 'PKX', 'B737-800', '07:30', '18:50'],
  ['MU', 5751, 'KMG', 'SHA', 'A321', '08:00', '13:00'],
  ['CZ', 3431, 'CAN', 'KMG', 'A320', '08:40', '12:10'],
  ['ZH', 9451, 'SZX', 'KMG', 'A320', '10:10', '13:30'],
  ['MU', 5781, 'KMG', 'XIY', 'A320', '09:00', '14:30'],
  ['MU', 5811, 'KMG', 'CTU', 'A320', '08:00', '19:00'],
  ['8L', 9911, 'KMG', 'LJG', 'B737-800', '08:20', '10:30'],
  ['8L', 9931, 'KMG', 'JHG', 'B737-800', '09:40', '11:50'],
  ['MU', 5941, 'KMG', 'JHG', 'A319', '15:20', '17:40', [1, 3, 5, 7]],
  ['MU', 741, 'KMG', 'BKK', 'A320', '11:00', '15:30'],
  // Hangzhou, Wuhan, Nanjing
  ['CA', 1701, 'HGH', 'PEK', 'A321', '07:30 19:30', '07:40 13:10'],
  ['CZ', 3551, 'CAN', 'HGH', 'A320', '08:00', '16:10'],
  ['ZH', 9621, 'SZX', 'HGH', 'B737-800', '08:50', '11:40'],
  ['CA', 8201, 'WUH', 'PEK', 'A320', '07:50', '15:30'],
  ['MU', 2501, 'WUH', 'SHA', 'A320', '08:10', '12:00'],
  ['CZ', 3371, 'CAN', 'WUH', 'A320', '10:40', '13:20'],
  ['CA', 1815, 'PEK', 'NKG', 'A320', '08:40', '20:10'],
  ['ZH', 9731, 'SZX', 'NKG', 'B737-800', '07:30', '11:20'],
  // Fujian
  ['MF', 8101, 'XMN', 'PKX', 'B737-800', '07:30', '16:00'],
  ['MF', 8501, 'XMN', 'SHA', 'B737-800', '08:00', '17:20'],
  ['MF', 881, 'XMN', 'TPE', 'B737-800', '10:30', '14:00'],
  ['MF', 8111, 'FOC', 'PKX', 'B737-800', '08:00', '12:10'],
  ['MF', 8131, 'JJN', 'PKX', 'B737-800', '08:40', '13:30'],
  // Shandong
  ['SC', 4651, 'TAO', 'PEK', 'B737-800', '08:00', '18:20'],
  ['SC', 4681, 'TAO', 'SHA', 'B737-800', '07:30', '16:40'],
  ['CZ', 3261, 'CAN', 'TAO', 'A321', '09:40', '13:30'],
  ['SC', 4901, 'TNA', 'CAN', 'B737-800', '08:10', '12:30'],
  ['MU', 5651, 'YNT', 'SHA', 'A320', '08:30', '12:20'],
  ['SC', 4611, 'SHA', 'WEH', 'B737-800', '08:30', '11:30'],
  // Changsha, Hainan
  ['CA', 1371, 'PEK', 'CSX', 'B737-800', '08:40', '12:10'],
  ['MU', 5361, 'SHA', 'CSX', 'A320', '08:30', '11:30'],
  ['HU', 7181, 'HAK', 'PEK', 'B787-9', '08:00', '14:00'],
  ['CA', 1391, 'PEK', 'SYX', 'A330-300', '11:40', '22:30'],
  ['HU', 7381, 'SYX', 'PEK', 'B787-9', '15:00', '08:50'],
  ['CZ', 6741, 'PKX', 'SYX', 'A321', '12:20', '17:30'],
  ['HO', 1181, 'PVG', 'SYX', 'A321', '08:00', '12:10'],
  ['9C', 8721, 'PVG', 'SYX', 'A320', '21:30', '06:50'],
  // North-east: Harbin connects to Sanya through Beijing
  ['CA', 1651, 'DLC', 'PEK', 'A320', '07:40', '17:00'],
  ['MU', 5621, 'DLC', 'SHA', 'A320', '08:10', '11:20'],
  ['CA', 1631, 'SHE', 'PEK', 'A320', '07:50', '16:20'],
  ['CZ', 6101, 'SHE', 'PKX', 'A321', '08:30', '18:00'],
  ['CA', 1601, 'HRB', 'PEK', 'A321', '07:30', '13:00'],
  ['CZ', 6201, 'HRB', 'PKX', 'A321', '08:10', '15:30'],
  ['MU', 5601, 'HRB', 'SHA', 'A321', '09:00', '13:30'],
  ['CA', 1611, 'CGQ', 'PEK', 'A320', '08:00', '14:20'],
  // Xinjiang: late departures from Urumqi land in Beijing after 02:00
  ['CA', 1275, 'PEK', 'URC', 'A330-300', '08:40', '22:40'],
  ['CZ', 6901, 'URC', 'PKX', 'A330-300', '08:30 23:30', '14:40'],
  ['CZ', 6931, 'URC', 'XIY', 'A321', '08:00', '13:30'],
  ['3U', 8911, 'CTU', 'URC', 'A321', '11:30', '08:20'],
  ['CZ', 6801, 'URC', 'KHG', 'A320', '09:30', '12:30'],
  // Tibet: Lhasa is reached through Chengdu
  ['CA', 4401, 'CTU', 'LXA', 'A319', '11:30', '15:00'],
  ['TV', 9841, 'TFU', 'LXA', 'A319', '13:20', '08:00'],
  // Tianjin
  ['GS', 7801, 'TSN', 'CAN', 'A320', '08:30', '12:30'],
  ['GS', 7851, 'TSN', 'SZX', 'A320', '07:50', '11:40'],
  ['GS', 7861, 'TSN', 'SHA', 'A320', '08:10', '12:10'],
  // Provincial capitals and tourist cities
  ['CZ', 3391, 'CGO', 'CAN', 'A321', '08:20', '11:50'],
  ['MU', 5441, 'SHA', 'CGO', 'A320', '08:50', '11:50'],
  ['CA', 1345, 'PEK', 'NNG', 'A321', '08:10', '13:20'],
  ['CA', 1455, 'PEK', 'KWE', 'A320', '08:50', '13:00'],
  ['CA', 1271, 'PEK', 'LHW', 'A320', '08:10', '12:20'],
  ['CZ', 3171, 'CAN', 'TYN', 'A320', '08:20', '12:10'],
  ['9C', 8851, 'SHA', 'HET', 'A320', '07:40', '11:10'],
  ['ZH', 9921, 'SZX', 'SJW', 'B737-800', '09:10', '13:20'],
  ['CA', 1551, 'PEK', 'HFE', 'A320', '09:30', '12:40'],
  ['CA', 1533, 'PEK', 'NGB', 'A321', '08:20', '11:10'],
  ['CA', 1541, 'PEK', 'WNZ', 'A320', '09:10', '13:10'],
  ['CA', 1581, 'PEK', 'KHN', 'A320', '10:00', '13:20'],
  ['ZH', 9891, 'SZX', 'WUX', 'B737-800', '08:40', '11:50'],
  ['CA', 1291, 'PEK', 'XNN', 'A320', '09:20', '13:30'],
  ['CA', 1241, 'PEK', 'INC', 'A320', '08:50', '12:20'],
  ['CA', 1361, 'PEK', 'DYG', 'A320', '09:00', '12:40', [1, 3, 5, 7]],
  ['MU', 5381, 'SHA', 'DYG', 'A320', '08:20', '11:20', [2, 4, 6]],
  ['CA', 1491, 'PEK', 'ZUH', 'A321', '08:30', '14:10'],
  ['CA', 1341, 'PEK', 'KWL', 'A320', '07:50', '11:50'],
  ['3U', 8551, 'CTU', 'LJG', 'A320', '08:40', '11:20'],
  ['3U', 8571, 'CTU', 'DLU', 'A320', '10:30', '13:00'],
  ['MU', 5551, 'SHA', 'SWA', 'A320', '07:50', '10:40'],
  ['CA', 1547, 'PEK', 'TXN', 'A320', '10:30', '13:40', [1, 3, 5, 6, 7]],
  ['CA', 1387, 'PEK', 'YIH', 'A320', '11:00', '14:20'],
  ['MU', 2471, 'SHA', 'LYA', 'A320', '08:10', '11:10', [1, 3, 5, 7]],
  ['CA', 1857, 'PEK', 'NTG', 'A320', '15:10', '18:20'],
  ['CA', 1451, 'PEK', 'MIG', 'A320', '07:40', '11:40'],
  // Hong Kong, Macau, Taiwan
  ['CA', 101, 'PEK', 'HKG', 'A330-300', '08:30', '13:40'],
  ['CX', 391, 'HKG', 'PEK', 'A330-300', '09:00', '14:00'],
  ['MU', 501, 'PVG', 'HKG', 'A330-300', '08:00', '12:00'],
  ['CA', 185, 'PEK', 'TPE', 'A330-300', '08:25', '13:15'],
  ['MU', 5005, 'PVG', 'TPE', 'A330-300', '09:05', '12:40'],
  ['MU', 5007, 'SHA', 'TSA', 'A330-300', '08:10', '13:30'],
  ['CA', 127, 'PEK', 'MFM', 'A321', '09:50', '14:40'],
  // Japan and Korea
  ['CA', 925, 'PEK', 'NRT', 'A330-300', '08:35', '14:05'],
  ['MU', 523, 'PVG', 'NRT', 'A330-300', '09:00', '13:55'],
  ['CZ', 385, 'CAN', 'NRT', 'A330-300', '08:40', '14:40'],
  ['CA', 181, 'PEK', 'HND', 'A330-300', '08:00', '13:55'],
  ['JL', 21, 'HND', 'PEK', 'B787-9', '09:25', '15:25'],
  ['NH', 969, 'HND', 'PVG', 'B787-9', '10:30', '14:50'],
  ['MU', 537, 'SHA', 'HND', 'A330-300', '08:50', '14:10'],
  ['MU', 515, 'PVG', 'KIX', 'A321', '09:40', '13:45'],
  ['CA', 123, 'PEK', 'ICN', 'A321', '08:15', '11:30'],
  ['KE', 855, 'ICN', 'PEK', 'A330-300', '08:50', '13:00'],
  ['OZ', 361, 'ICN', 'PVG', 'A330-300', '08:40', '12:10'],
  ['CZ', 337, 'CAN', 'ICN', 'A321', '09:05', '14:30'],
  ['KE', 819, 'GMP', 'SHA', 'A330-300', '08:05', '11:20'],
  // South-east Asia
  ['CA', 969, 'PEK', 'SIN', 'A330-300', '08:45', '15:20'],
  ['MU', 543, 'PVG', 'SIN', 'A330-300', '09:25', '16:20'],
  ['SQ', 833, 'SIN', 'PVG', 'B787-9', '08:50', '17:00'],
  ['CZ', 351, 'CAN', 'SIN', 'A330-300', '09:00', '15:15'],
  ['CA', 959, 'PEK', 'BKK', 'A330-300', '08:10', '15:00'],
  ['TG', 615, 'BKK', 'PEK', 'B787-9', '10:50', '16:40'],
  ['MU', 541, 'PVG', 'BKK', 'A330-300', '08:55', '14:35'],
  ['9C', 8551, 'PVG', 'BKK', 'A320', '21:10', '02:45'],
  ['ZH', 9001, 'SZX', 'BKK', 'A320', '10:30', '14:40'],
  ['CZ', 349, 'CAN', 'KUL', 'A330-300', '09:20', '15:10'],
  ['CZ', 377, 'CAN', 'MNL', 'A320', '09:10', '13:30', [1, 3, 5, 7]],
  ['CZ', 373, 'CAN', 'HAN', 'A320', '10:10', '13:10'],
  // Long haul
  ['CA', 937, 'PEK', 'LHR', 'B777-300ER', '13:40', '21:25'],
  ['BA', 39, 'LHR', 'PEK', 'B777-300ER', '16:40', '11:40', [1, 3, 5]],
  ['MU', 551, 'PVG', 'LHR', 'B777-300ER', '12:20', '21:40'],
  ['CA', 933, 'PEK', 'CDG', 'B777-300ER', '13:15', '19:30'],
  ['AF', 381, 'CDG', 'PEK', 'B777-300ER', '17:30', '11:00', [2, 4, 6]],
  ['CA', 965, 'PEK', 'FRA', 'A350-900', '13:20', '19:40'],
  ['LH', 721, 'PEK', 'FRA', 'B787-9', '11:05', '17:55', [1, 2, 4, 6]],
  ['CA', 981, 'PEK', 'JFK', 'B777-300ER', '13:00', '16:30'],
  ['MU', 587, 'PVG', 'JFK', 'B777-300ER', '12:45', '13:35'],
  ['CA', 983, 'PEK', 'LAX', 'B777-300ER', '15:30', '11:40'],
  ['MU', 583, 'PVG', 'LAX', 'B777-300ER', '13:00', '11:20'],
  ['UA', 857, 'SFO', 'PVG', 'B787-9', '11:10', '17:25'],
  ['MU', 561, 'PVG', 'SYD', 'A330-300', '20:20', '09:50'],
  ['CZ', 325, 'CAN', 'SYD', 'B787-9', '21:00', '10:15'],
  ['EK', 307, 'DXB', 'PEK', 'B777-300ER', '10:30', '23:55'],
];

/** Economy fare by departure time: early and late flights sell for less, early afternoon slightly less. */
function timeOfDayFactor(time: string): number {
  if (time < '08:00' || time >= '21:00') return 0.8;
  if (time >= '12:00' && time < '17:00') return 0.9;
  return 1;
}

/** Economy fare by airline: Spring is a low-cost carrier, Juneyao undercuts the big three. */
const airlineFareFactor: Record<string, number> = { '9C': 0.6, HO: 0.9 };

const timeZoneOf = new Map(airportData.map((airport) => [airport.code, airport.tz]));

function zone(code: string): string {
  const tz = timeZoneOf.get(code);
  if (!tz) throw new Error(`unknown airport ${code}`);
  return tz;
}

function round10(value: number): number {
  return Math.round(value / 10) * 10;
}

function flight(airline: string, number: number, from: string, to: string, type: AircraftType, departure: string, days?: number[]): SampleFlight {
  const forward = routes[`${from}-${to}`];
  const route = forward ?? routes[`${to}-${from}`];
  if (!route) throw new Error(`no route ${from}-${to}`);
  const [blockThere, blockBack, economy, business = economy * 3.5, first = economy * 5.5] = route;
  const [hours, minutes] = departure.split(':').map(Number) as [number, number];
  const arrival = hours * 60 + minutes - scheduleUtcOffset(zone(from)) + (forward ? blockThere : blockBack) + scheduleUtcOffset(zone(to));
  const cabins: SampleFlight['cabins'] = {
    economy: { fare: round10(economy * timeOfDayFactor(departure) * (airlineFareFactor[airline] ?? 1)), capacity: seatCount(type, 'economy') },
  };
  const config: { business?: unknown; first?: unknown } = aircraft[type];
  if (config.business && airline !== '9C') cabins.business = { fare: round10(business), capacity: seatCount(type, 'business') };
  if (config.first && airline !== '9C') cabins.first = { fare: round10(first), capacity: seatCount(type, 'first') };
  const minuteOfDay = ((arrival % 1440) + 1440) % 1440;
  const sample: SampleFlight = {
    flight_number: `${airline}${number}`,
    airline_code: airline,
    departure_airport: from,
    arrival_airport: to,
    departure_time: departure,
    arrival_time: `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`,
    aircraft_type: type,
    cabins,
  };
  const dayOffset = Math.floor(arrival / 1440);
  if (dayOffset) sample.arrival_day_offset = dayOffset;
  if (days) sample.days_of_operation = days;
  return sample;
}

/** The sample network: the legacy system's five flights first, then every service both ways. */
export const sampleFlights: SampleFlight[] = [
  ...legacyFlights,
  ...services.flatMap(([airline, number, from, to, type, there, back, days]) => [
    ...there.split(' ').filter(Boolean).map((time, i) => flight(airline, number + 2 * i, from, to, type, time, days)),
    ...back.split(' ').filter(Boolean).map((time, i) => flight(airline, number + 1 + 2 * i, to, from, type, time, days)),
  ]),
];
