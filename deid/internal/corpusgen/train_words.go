package corpusgen

import "strings"

// Words of clinical and everyday text that are neither names nor places,
// for the tagger's negatives: capitalized at the start of a sentence, a
// list item or a field, they look like an unknown name to anything that
// only sees case. Written for the training split from general knowledge.
var (
	clinicalWords = strings.Fields(`riluzole edaravone dupilumab adalimumab etanercept infliximab rituximab
pembrolizumab nivolumab trastuzumab bevacizumab semaglutide tirzepatide dulaglutide liraglutide empagliflozin
dapagliflozin sitagliptin linagliptin glipizide glimepiride pioglitazone apixaban rivaroxaban dabigatran
clopidogrel ticagrelor rosuvastatin pravastatin ezetimibe evolocumab sacubitril spironolactone eplerenone
carvedilol bisoprolol nebivolol labetalol hydralazine isosorbide nitroglycerin amiodarone sotalol flecainide
digoxin diltiazem verapamil nifedipine chlorthalidone bumetanide torsemide acetazolamide levetiracetam
lamotrigine lacosamide topiramate oxcarbazepine carbamazepine valproate phenytoin pregabalin duloxetine
venlafaxine escitalopram citalopram fluoxetine paroxetine bupropion mirtazapine trazodone quetiapine
olanzapine risperidone aripiprazole haloperidol lorazepam clonazepam alprazolam buspirone hydroxyzine
donepezil memantine rivastigmine pramipexole ropinirole baclofen tizanidine cyclobenzaprine methocarbamol
oxycodone hydrocodone morphine hydromorphone fentanyl buprenorphine naloxone naltrexone methadone tramadol
ondansetron metoclopramide prochlorperazine pantoprazole famotidine sucralfate lactulose rifaximin mesalamine
budesonide prednisone methylprednisolone dexamethasone hydrocortisone fludrocortisone methimazole alendronate
denosumab teriparatide allopurinol febuxostat colchicine hydroxychloroquine methotrexate leflunomide
sulfasalazine azathioprine mycophenolate tacrolimus cyclosporine vancomycin cefepime ceftriaxone cefazolin
piperacillin tazobactam meropenem ertapenem aztreonam ciprofloxacin levofloxacin azithromycin doxycycline
clindamycin linezolid daptomycin nitrofurantoin fosfomycin metronidazole fluconazole voriconazole micafungin
acyclovir valacyclovir oseltamivir remdesivir tenofovir dolutegravir heparin enoxaparin alteplase insulin
cholecystectomy appendectomy colectomy thyroidectomy nephrectomy hysterectomy mastectomy lumpectomy
laminectomy discectomy arthroplasty arthroscopy angioplasty thrombectomy endarterectomy tracheostomy
gastrostomy colostomy ileostomy paracentesis thoracentesis bronchoscopy colonoscopy endoscopy cystoscopy
lithotripsy cardioversion ablation hemodialysis plasmapheresis pancreaticoduodenectomy fundoplication
pneumonia bronchiolitis cellulitis osteomyelitis pyelonephritis cholecystitis pancreatitis diverticulitis
appendicitis endocarditis pericarditis myocarditis meningitis encephalitis hepatitis cirrhosis steatosis
nephrolithiasis cholelithiasis hydronephrosis hypothyroidism hyperthyroidism hyponatremia hyperkalemia
hypokalemia hypoglycemia ketoacidosis anemia thrombocytopenia neutropenia leukocytosis coagulopathy sepsis
bacteremia delirium dementia psychosis schizophrenia insomnia narcolepsy epilepsy migraine neuropathy
radiculopathy myelopathy stenosis spondylosis spondylolisthesis scoliosis kyphosis osteoporosis osteopenia
osteoarthritis tendinopathy bursitis fasciitis synovitis pseudogout vasculitis sarcoidosis amyloidosis
hemochromatosis epistaxis hemoptysis hematemesis melena hematochezia dysuria hematuria polyuria nocturia
dysphagia odynophagia dyspnea orthopnea tachycardia bradycardia tachypnea hypoxia hypotension syncope
presyncope vertigo crepitus effusion erythema induration fluctuance ecchymosis petechiae purpura jaundice
pallor cyanosis diaphoresis splinting guarding rebound clubbing bruit murmur gallop rales rhonchi wheezes
bilateral unilateral proximal distal medial lateral anterior posterior superior inferior maternal paternal
benign malignant metastatic follicular papillary ductal lobular squamous cephalic breech transverse
hepatocellular cholangiocarcinoma adenocarcinoma melanoma lymphoma leukemia myeloma sarcoma glioblastoma
introducer retractor catheter cannula stent sheath trocar dilator speculum tourniquet nebulizer spirometer
glucometer oximeter sphygmomanometer defibrillator pacemaker tracheal nasogastric intubate extubate
ambulate transfuse titrate taper wean debride irrigate suture splint immobilize reduce aspirate`)
	generalWords = strings.Fields(`intake collateral homebound proband examinee informant delivery newborn
postpartum antepartum fluids risks compare ages nearest lost local topic method educator concern alleged
subject auth practice school meals falls guest client resident member guarantor requisition specimen
accession disposition impression indication findings technique comparison recommendations diagnosis course
followup referral consult reason subjective objective education goals barriers interventions outcome
response tolerance precautions isolation diet activity caregiver payer insurance pharmacy translator source
attestation addendum amendment summary overview background rationale timeline chronology narrative update
progress status baseline trend interval onset duration frequency severity location quality radiation
timing context modifying associated pertinent negative positive normal abnormal stable unstable improved
worsening resolved unchanged pending ordered completed cancelled declined deferred reviewed discussed
counseled advised instructed educated encouraged reassured scheduled rescheduled transferred admitted
discharged observed monitored evaluated assessed examined interviewed contacted notified documented
verified confirmed obtained collected received sent faxed mailed printed signed cosigned witnessed
consented refused requested recommended prescribed dispensed administered tolerated completed attended
missed walked drove flew arrived departed returned visited stayed moved lived worked retired studied
breakfast lunch dinner coffee tea water juice soda alcohol tobacco vaping cannabis exercise walking
swimming cycling gardening fishing hunting reading knitting cooking cleaning shopping driving travel
weather rain snow heat cold humidity smoke dust pollen mold pets dog cat bird horse cattle chickens farm
garage basement kitchen bathroom bedroom stairs porch yard garden church choir gym pool library office
warehouse factory store restaurant bakery truck tractor ladder roof fence barn boat motorcycle bicycle`)
	// Field labels that open a line ("Intake:", "Guest:"), some followed by
	// a name or a place, most by clinical text.
	fieldLabels = strings.Fields(`Intake Collateral Homebound Proband Examinee Informant Delivery Newborn
Postpartum Fluids Risks Topic Method Educator Concern Subject Auth Practice School Guest Client Resident
Member Guarantor Requisition Specimen Disposition Impression Indication Findings Technique Comparison
Recommendations Diagnosis Dx Hx PMH PSH FHx SHx ROS Exam Labs Imaging Vitals Course Plan Followup Referral
Consult Reason Subjective Objective Education Goals Barriers Interventions Outcome Response Precautions
Isolation Diet Activity Caregiver Payer Insurance Pharmacy Translator Source Attestation Addendum Summary
Background Timeline Update Status Baseline Allergies Medications Procedure Anesthesia Complications
Contact Witness Scribe Preceptor Attending Resident Fellow Nurse Interpreter Chaperone Sender Recipient`)
)
