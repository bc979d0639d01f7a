import type { components, paths } from './schema';

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

type OkResponse<Operation> = Operation extends { responses: infer Responses }
  ? Responses extends { 200: infer Ok }
    ? JsonOf<Ok>
    : Responses extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

type RequestBody<Operation> = Operation extends { requestBody?: infer Body } ? JsonOf<NonNullable<Body>> : never;

export type TokenResponse = OkResponse<paths['/api/v1/auth/token']['post']>;
export type SignInRequest = RequestBody<paths['/api/v1/auth/token']['post']>;
export type CurrentUser = OkResponse<paths['/api/v1/me']['get']>;
export type Region = OkResponse<paths['/api/v1/regions']['get']>['items'][number];
export type RegionLevel = Region['level'];
export type UnitPage = OkResponse<paths['/api/v1/units']['get']>;
export type Unit = UnitPage['items'][number];
export type UnitKind = Unit['kind'];
export type UnitQuery = NonNullable<paths['/api/v1/units']['get']['parameters']['query']>;
export type CreateUnitRequest = RequestBody<paths['/api/v1/units']['post']>;
export type UpdateUnitRequest = RequestBody<paths['/api/v1/units/{id}']['put']>;
export type CreateVillageRequest = RequestBody<paths['/api/v1/regions/{id}/villages']['post']>;
export type RenameVillageRequest = RequestBody<paths['/api/v1/regions/{id}']['put']>;
export type UserPage = OkResponse<paths['/api/v1/users']['get']>;
export type UserSummary = UserPage['items'][number];
export type UserDetails = OkResponse<paths['/api/v1/users/{id}']['get']>;
export type GrantableRoles = OkResponse<paths['/api/v1/users/grantable-roles']['get']>;
export type UserQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type CreateUserRequest = RequestBody<paths['/api/v1/users']['post']>;
export type UpdateUserRequest = RequestBody<paths['/api/v1/users/{id}']['put']>;
export type ResetPasswordRequest = RequestBody<paths['/api/v1/users/{id}/reset-password']['post']>;
export type VersionedId = OkResponse<paths['/api/v1/users']['post']>;
export type Schemas = components['schemas'];
export type Channel = Schemas['Channel'];
export type PetitionStatus = Schemas['PetitionStatus'];
export type PetitionFlag = Schemas['PetitionFlag'];
export type Decision = Schemas['Decision'];
export type LegalChannel = Schemas['LegalChannel'];
export type Category = Schemas['Category'];
export type PetitionQuery = NonNullable<paths['/api/v1/petitions']['get']['parameters']['query']>;
export type PetitionListItem = Schemas['PetitionListItem'];
export type PetitionDetail = Schemas['PetitionDetail'];
export type RegisterPetitionRequest = Schemas['RegisterPetition'];
export type ClassifyPetitionRequest = Schemas['ClassifyPetition'];
export type DuplicateCandidate = Schemas['DuplicateCandidate'];
export type SubmitPublicPetitionRequest = Schemas['SubmitPublicPetition'];
export type PublicPetitionView = Schemas['PublicPetitionView'];
export type TrackingCredentials = Schemas['TrackingCredentials'];
export type CaseStatus = Schemas['CaseStatus'];
export type CaseKind = Schemas['CaseKind'];
export type CaseAction = Schemas['CaseAction'];
export type CaseEventKind = Schemas['CaseEventKind'];
export type ClockStep = Schemas['ClockStep'];
export type Light = Schemas['Light'];
export type Opinion = Schemas['Opinion'];
export type Rating = Schemas['Rating'];
export type RatingSource = Schemas['RatingSource'];
export type RatingState = Schemas['RatingState'];
export type AssignmentMode = Schemas['AssignmentMode'];
export type WorklistTab = NonNullable<paths['/api/v1/cases']['get']['parameters']['query']>['tab'];
export type CaseListItem = Schemas['WorklistItem'];
export type CaseDetail = Schemas['CaseDetail'];
export type CaseTimelineEntry = Schemas['CaseTimelineEntry'];
export type CaseAttachment = Schemas['CaseAttachmentView'];
export type AgentOption = Schemas['AgentOption'];
export type SupervisionBoard = Schemas['SupervisionBoardView'];
export type SupervisionBoardUnitRow = Schemas['BoardUnitRow'];
export type SupervisionBoardRegionRow = Schemas['BoardRegionRow'];
export type PublicCaseView = Schemas['PublicCaseView'];
export type PublicCaseAttachment = Schemas['PublicCaseAttachment'];
export type PetitionCategory = OkResponse<paths['/api/v1/petition-categories']['get']>['items'][number];
export type RoutingRuleQuery = NonNullable<paths['/api/v1/routing-rules']['get']['parameters']['query']>;
export type RoutingRule = Schemas['RoutingRuleItem'];
export type CreateRoutingRuleRequest = Schemas['CreateRoutingRule'];
export type WorkCalendarYearSummary = Schemas['WorkCalendarYearSummary'];
export type WorkCalendarYear = Schemas['WorkCalendarYearView'];
export type SaveWorkCalendarYearRequest = Schemas['SaveWorkCalendarYear'];
export type RuleSetSummary = Schemas['RuleSetSummary'];
export type RuleSet = Schemas['RuleSetView'];
export type AuditEntryPage = OkResponse<paths['/api/v1/audit-entries']['get']>;
export type AuditEntry = AuditEntryPage['items'][number];
export type AuditEntryQuery = NonNullable<paths['/api/v1/audit-entries']['get']['parameters']['query']>;
export type AuditChainReport = OkResponse<paths['/api/v1/audit/verification']['get']>;
export type AuditChainProblem = Schemas['AuditChainProblem'];
export type ReceptionKind = Schemas['ReceptionKind'];
export type ReceptionLevel = Schemas['ReceptionLevel'];
export type ReceptionStatus = Schemas['ReceptionStatus'];
export type BatchOutcome = Schemas['BatchOutcome'];
export type ReceptionListItem = Schemas['ReceptionListItem'];
export type ReceptionDetail = Schemas['ReceptionDetail'];
export type ReceptionBatch = Schemas['BatchView'];
export type ReceptionBatchPetitioner = Schemas['BatchPetitionerView'];
export type RevealedBatchPetitioner = Schemas['RevealedBatchPetitioner'];
export type BatchTotals = Schemas['BatchTotals'];
export type ReceptionFigures = Schemas['ReceptionFigures'];
export type ReceptionFigureLine = Schemas['FigureLine'];
export type PublicReceptionDay = Schemas['PublicReceptionDay'];
export type ScheduleReceptionRequest = Schemas['ScheduleReception'];
export type UpdateReceptionRequest = Schemas['UpdateReception'];
export type RecordReceptionBatchRequest = Schemas['RecordReceptionBatch'];
export type CorrectReceptionBatchRequest = Schemas['CorrectReceptionBatch'];
