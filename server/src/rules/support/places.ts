// The registry's names of countries and U.S. states, for the location-country and location-state rules.
// Facts, not prose: the names exactly as the registry writes them in locations[].country and .state.

/**
 * Country names of the registry's location list. Source: every distinct `LocationCountry` of the
 * studies published on ClinicalTrials.gov, as collected on 2021-09-07 (a copy kept in the public
 * repository sysrev, `sysrev.shared.ctgov/country-vec`), which follows the PRS country pick list
 * ("Korea, Republic of", "Iran, Islamic Republic of", "Russian Federation", …). Added: the names the
 * registry has used since, seen in records of the registry sample updated from 2016 to 2025
 * ("South Korea", "Russia"), and its current name "Türkiye".
 */
export const REGISTRY_COUNTRIES: readonly string[] = [
  'Afghanistan', 'Albania', 'Algeria', 'American Samoa', 'Andorra', 'Angola', 'Antarctica', 'Antigua and Barbuda',
  'Argentina', 'Armenia', 'Aruba', 'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados',
  'Belarus', 'Belgium', 'Belize', 'Benin', 'Bermuda', 'Bhutan', 'Bolivia', 'Bosnia and Herzegovina', 'Botswana', 'Brazil',
  'Brunei Darussalam', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cambodia', 'Cameroon', 'Canada', 'Cape Verde',
  'Cayman Islands', 'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo',
  'Congo, The Democratic Republic of the', 'Costa Rica', "Côte D'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czechia',
  'Czech Republic', 'Denmark', 'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador',
  'Equatorial Guinea', 'Eritrea', 'Estonia', 'Ethiopia', 'Faroe Islands', 'Federated States of Micronesia', 'Fiji',
  'Finland', 'Former Serbia and Montenegro', 'Former Yugoslavia', 'France', 'French Guiana', 'French Polynesia', 'Gabon',
  'Gambia', 'Georgia', 'Germany', 'Ghana', 'Gibraltar', 'Greece', 'Greenland', 'Grenada', 'Guadeloupe', 'Guam',
  'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Holy See (Vatican City State)', 'Honduras', 'Hong Kong',
  'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran, Islamic Republic of', 'Iraq', 'Ireland', 'Israel', 'Italy',
  'Jamaica', 'Japan', 'Jersey', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', "Korea, Democratic People's Republic of",
  'Korea, Republic of', 'Kosovo', 'Kuwait', 'Kyrgyzstan', "Lao People's Democratic Republic", 'Latvia', 'Lebanon',
  'Lesotho', 'Liberia', 'Libyan Arab Jamahiriya', 'Liechtenstein', 'Lithuania', 'Luxembourg',
  'Macedonia, The Former Yugoslav Republic of', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives', 'Mali', 'Malta',
  'Martinique', 'Mauritania', 'Mauritius', 'Mayotte', 'Mexico', 'Moldova, Republic of', 'Monaco', 'Mongolia',
  'Montenegro', 'Montserrat', 'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nepal', 'Netherlands',
  'Netherlands Antilles', 'New Caledonia', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria', 'Northern Mariana Islands',
  'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau', 'Palestinian Territories, Occupied',
  'Palestinian Territory, occupied', 'Panama', 'Papua New Guinea', 'Paraguay', 'Peru', 'Philippines', 'Poland',
  'Portugal', 'Puerto Rico', 'Qatar', 'Réunion', 'Romania', 'Russian Federation', 'Rwanda', 'Saint Kitts and Nevis',
  'Saint Lucia', 'Saint Martin', 'Saint Vincent and the Grenadines', 'Samoa', 'San Marino', 'Saudi Arabia', 'Senegal',
  'Serbia', 'Seychelles', 'Sierra Leone', 'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia',
  'South Africa', 'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Swaziland', 'Sweden', 'Switzerland',
  'Syrian Arab Republic', 'Taiwan', 'Tajikistan', 'Tanzania', 'Thailand', 'Togo', 'Trinidad and Tobago', 'Tunisia',
  'Turkey', 'Uganda', 'Ukraine', 'United Arab Emirates', 'United Kingdom', 'United States',
  'United States Minor Outlying Islands', 'Uruguay', 'Uzbekistan', 'Vanuatu', 'Venezuela', 'Vietnam',
  'Virgin Islands (U.S.)', 'Yemen', 'Zambia', 'Zimbabwe',
  // Names in use since 2021.
  'South Korea', 'Russia', 'Türkiye',
];

/**
 * Other ways of writing a country that name one of the registry's without doubt. The upload format's
 * own abbreviations (USA, UK, CAN; ProtocolRecordSchema.xsd, Address/country) come first.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  USA: 'United States',
  UK: 'United Kingdom',
  CAN: 'Canada',
  US: 'United States',
  'U.S.': 'United States',
  'U.S.A.': 'United States',
  'United States of America': 'United States',
  'U.K.': 'United Kingdom',
  'Great Britain': 'United Kingdom',
  England: 'United Kingdom',
  Scotland: 'United Kingdom',
  Wales: 'United Kingdom',
  'Northern Ireland': 'United Kingdom',
  'The Netherlands': 'Netherlands',
  Holland: 'Netherlands',
  "People's Republic of China": 'China',
  PRC: 'China',
  'Republic of Korea': 'Korea, Republic of',
  Iran: 'Iran, Islamic Republic of',
  'Viet Nam': 'Vietnam',
  Macedonia: 'North Macedonia',
  Moldova: 'Moldova, Republic of',
  Syria: 'Syrian Arab Republic',
  Laos: "Lao People's Democratic Republic",
  Brunei: 'Brunei Darussalam',
  'Ivory Coast': "Côte D'Ivoire",
  'Democratic Republic of the Congo': 'Congo, The Democratic Republic of the',
  UAE: 'United Arab Emirates',
  Deutschland: 'Germany',
  'Russia Federation': 'Russian Federation',
};

/**
 * The 50 states and the District of Columbia with their two-letter postal codes (USPS), and the
 * inhabited territories, which the registry also lists as countries of their own.
 */
export const US_STATES: ReadonlyArray<readonly [name: string, code: string]> = [
  ['Alabama', 'AL'], ['Alaska', 'AK'], ['Arizona', 'AZ'], ['Arkansas', 'AR'], ['California', 'CA'], ['Colorado', 'CO'],
  ['Connecticut', 'CT'], ['Delaware', 'DE'], ['District of Columbia', 'DC'], ['Florida', 'FL'], ['Georgia', 'GA'],
  ['Hawaii', 'HI'], ['Idaho', 'ID'], ['Illinois', 'IL'], ['Indiana', 'IN'], ['Iowa', 'IA'], ['Kansas', 'KS'],
  ['Kentucky', 'KY'], ['Louisiana', 'LA'], ['Maine', 'ME'], ['Maryland', 'MD'], ['Massachusetts', 'MA'],
  ['Michigan', 'MI'], ['Minnesota', 'MN'], ['Mississippi', 'MS'], ['Missouri', 'MO'], ['Montana', 'MT'],
  ['Nebraska', 'NE'], ['Nevada', 'NV'], ['New Hampshire', 'NH'], ['New Jersey', 'NJ'], ['New Mexico', 'NM'],
  ['New York', 'NY'], ['North Carolina', 'NC'], ['North Dakota', 'ND'], ['Ohio', 'OH'], ['Oklahoma', 'OK'],
  ['Oregon', 'OR'], ['Pennsylvania', 'PA'], ['Rhode Island', 'RI'], ['South Carolina', 'SC'], ['South Dakota', 'SD'],
  ['Tennessee', 'TN'], ['Texas', 'TX'], ['Utah', 'UT'], ['Vermont', 'VT'], ['Virginia', 'VA'], ['Washington', 'WA'],
  ['West Virginia', 'WV'], ['Wisconsin', 'WI'], ['Wyoming', 'WY'],
  ['American Samoa', 'AS'], ['Guam', 'GU'], ['Northern Mariana Islands', 'MP'], ['Puerto Rico', 'PR'], ['Virgin Islands', 'VI'],
];

/** Letters compared without case, accents, dots or runs of spaces: "cote d'ivoire" and "Côte D'Ivoire" are one name. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
