// The "New Trial Record" template: the modules every record needs, with placeholders to fill in.
export const NEW_RECORD_TEMPLATE = `${JSON.stringify(
  {
    protocolSection: {
      identificationModule: { orgStudyIdInfo: { id: '' }, briefTitle: '', officialTitle: '' },
      statusModule: {
        statusVerifiedDate: '',
        overallStatus: 'NOT_YET_RECRUITING',
        startDateStruct: { date: '', type: 'ESTIMATED' },
        primaryCompletionDateStruct: { date: '', type: 'ESTIMATED' },
        completionDateStruct: { date: '', type: 'ESTIMATED' },
      },
      sponsorCollaboratorsModule: { responsibleParty: { type: 'SPONSOR' }, leadSponsor: { name: '' } },
      oversightModule: { isFdaRegulatedDrug: false, isFdaRegulatedDevice: false },
      descriptionModule: { briefSummary: '' },
      conditionsModule: { conditions: [] },
      designModule: {
        studyType: 'INTERVENTIONAL',
        phases: ['NA'],
        designInfo: { allocation: 'RANDOMIZED', interventionModel: 'PARALLEL', primaryPurpose: 'TREATMENT', maskingInfo: { masking: 'NONE' } },
        enrollmentInfo: { count: 0, type: 'ESTIMATED' },
      },
      armsInterventionsModule: { armGroups: [], interventions: [] },
      outcomesModule: { primaryOutcomes: [{ measure: '', timeFrame: '' }] },
      eligibilityModule: { eligibilityCriteria: 'Inclusion Criteria:\n\n* \n\nExclusion Criteria:\n\n* ', healthyVolunteers: false, sex: 'ALL', minimumAge: '18 Years' },
      contactsLocationsModule: { locations: [] },
    },
  },
  null,
  2,
)}\n`;
